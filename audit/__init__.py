"""mtaudit: find the marks machine translation and spinning leave on French text.

The package is laid out in the order data flows:
ingest → segment → language → rules → sources → scores → verdict → reporters → gate.
Importing it is cheap; models and word lists load on first use.
"""

__version__ = "0.1.0"
