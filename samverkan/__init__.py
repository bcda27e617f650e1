"""samverkan: följ upp samverkansavtalets åtagandeplaner och medborgarlöften."""

__version__ = "0.1.0"
