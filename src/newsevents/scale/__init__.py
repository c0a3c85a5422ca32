"""Scale-out: the batch runner on a Dask cluster, Parquet output partitioned by month.

``run_dask`` is imported lazily so ``newsevents.scale`` (and its Parquet helpers) need no Dask.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run_dask"]


def run_dask(*args: Any, **kwargs: Any):
    """See :func:`newsevents.scale.dask.run_dask`."""
    from newsevents.scale.dask import run_dask as _run_dask

    return _run_dask(*args, **kwargs)
