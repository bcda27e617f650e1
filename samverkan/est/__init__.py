"""EST – Effektiv samordning för trygghet: observations per area, lägesbild, analyses, measures.

`periods` (ISO weeks and periods made of them), `model` (the files' shapes), `checks`
(cross-field and cross-file checks), `files` (finding and loading the `est/` folder),
`record` (the writing commands), `picture` (pure computations), `render` (outputs),
`service` (the reading commands) and `cli` (the `samverkan est` sub-app).
"""
