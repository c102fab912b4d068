"""Old preload path: `dask scheduler --preload audit.engine_dask` still works."""

from audit.site.engine_dask import dask_setup  # noqa: F401
