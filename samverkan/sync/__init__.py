"""Working together through git: the merge driver (`samverkan merge`) and its set-up.

`records` finds the lists of records in a file's text (by file kind), `textmerge` is the
three-way line merge (git's own), `merge` merges three versions of a file record by
record, `driver` runs it the way git calls a merge driver, and `gitsetup` writes the
clone's git configuration and tells `validate` when it is missing.
"""
