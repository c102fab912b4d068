"""Sources: corpus reading, index, retrieval, alignment and source-based checks.

Data flows corpus → index → retrieve → align → aligned (the stage the pipeline calls) →
checks; `similarity` and `embed` give alignment and retrieval their sentence similarities, and
`words` (a fitted word-translation model) tells the checks which words translate which.
"""
