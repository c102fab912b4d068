"""`mtaudit audit-site`: audit a whole site into a results folder, resumably.

driver (what to audit, shards, summary) → engines / engine_dask (where chunks run) →
worker (one chunk through the pipeline) → shards (the results folder) → index_page.
"""
