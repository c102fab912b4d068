"""`mtaudit audit-site`: audit a whole site into a results folder, resumably.

driver (what to audit, the folder's `lock`, shards, summary) → engines, with engine_local or
engine_dask (where chunks run) → worker (one chunk through the pipeline) → shards (the results
folder, read past `damage`) → index_page.
"""
