"""kurdi.dask: run kurdi pipelines on Dask (bags, dataframes, directories of files).

A :class:`kurdi.Pipeline` pickles as its configuration; on a worker, unpickling looks the C++
engines up in a per-process cache, so they are built once per worker process, not once per task.

    >>> import dask.bag as db, kurdi, kurdi.dask
    >>> p = kurdi.Pipeline(["normalize", "tokenize"])
    >>> bag = db.from_sequence(["سڵاو", "چۆنی"], npartitions=2)
    >>> kurdi.dask.map_bag(bag, p).compute()
    [['سڵاو'], ['چۆنی']]

Files: :func:`process_files` cuts every file into byte ranges at line boundaries, runs the
pipeline over each line on the workers and writes one JSONL shard per range
(``{"file": ..., "offset": ..., "output": ...}`` per line, in input order). Shards do not depend
on the number of workers or machines: a local run and a cluster run give identical files.

On a multi-machine cluster, connect a ``distributed.Client`` to the scheduler before calling these
functions (``Client("tcp://scheduler:8786")``); every worker needs the ``kurdi`` package installed
and the input/output directories on a shared file system (or use ``map_bag`` with
``dask.bag.read_text("s3://...")``).
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import Pipeline

__all__ = ["warm_up", "map_bag", "map_partitions", "map_series", "map_dataframe", "plan_chunks", "process_files",
           "ProcessReport", "read_shards"]

PipelineLike = Union[Pipeline, Sequence[Any]]


def _as_pipeline(p: PipelineLike) -> Pipeline:
    return p if isinstance(p, Pipeline) else Pipeline(p)


def _built(pipeline: Pipeline) -> str:
    pipeline.run("")  # unpickling compiled the engines (once per process); run once to touch them
    return repr(pipeline)


def warm_up(client: Any, pipeline: PipelineLike) -> Dict[str, str]:
    """Builds the pipeline's C++ engines on every worker now (they are built on first use
    otherwise, once per worker process). Returns {worker address: pipeline repr}."""
    return client.run(_built, _as_pipeline(pipeline))


def map_partitions(texts: Iterable[Any], pipeline: PipelineLike) -> List[Any]:
    """Runs a pipeline over one partition (a list of texts) in one batched C++ call."""
    return _as_pipeline(pipeline).run_batch(list(texts))


def map_bag(bag: Any, pipeline: PipelineLike) -> Any:
    """A dask.bag of pipeline results, one per text of `bag` (order kept).

    Lines read with ``dask.bag.read_text`` keep their trailing newline; strip them first
    (``bag.map(str.rstrip)``) when the pipeline should not see it.
    """
    p = _as_pipeline(pipeline)
    return bag.map_partitions(map_partitions, p)


def _series_partition(series: Any, pipeline: Pipeline) -> Any:
    import pandas as pd
    return pd.Series(pipeline.run_batch(series.tolist()), index=series.index, name=series.name, dtype=object)


def map_series(series: Any, pipeline: PipelineLike) -> Any:
    """A dask.dataframe Series of pipeline results for a Series of texts (index kept)."""
    p = _as_pipeline(pipeline)
    return series.map_partitions(_series_partition, p, meta=(series.name, "object"))


def map_dataframe(df: Any, pipeline: PipelineLike, column: str = "text", output: str = "kurdi") -> Any:
    """`df` with a new column `output` holding the pipeline results of column `column`."""
    return df.assign(**{output: map_series(df[column], pipeline)})


# ---- files -> sharded JSONL -----------------------------------------------------------------

@dataclass
class ProcessReport:
    """What process_files did: shard paths, line/byte counts, wall time and throughput."""
    shards: List[str] = field(default_factory=list)
    files: int = 0
    lines: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        return (f"{self.files} files, {self.lines} lines, {self.bytes / 1e6:.1f} MB in {self.seconds:.2f} s "
                f"({self.mb_per_s:.1f} MB/s), {len(self.shards)} shards")


def _list_files(inputs: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], pattern: str) -> List[Tuple[str, str]]:
    """(path, name relative to its root) of every input file, sorted."""
    import fnmatch
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    out: List[Tuple[str, str]] = []
    for root in inputs:
        root = os.fspath(root)
        if os.path.isdir(root):
            for d, dirs, files in os.walk(root):
                dirs.sort()
                for f in sorted(files):
                    if fnmatch.fnmatch(f, pattern):
                        path = os.path.join(d, f)
                        out.append((path, os.path.relpath(path, os.path.dirname(root.rstrip("/")))))
        elif os.path.isfile(root):
            out.append((root, os.path.basename(root)))
        else:
            raise FileNotFoundError(f"kurdi.dask: no such file or directory: {root}")
    return out


def plan_chunks(files: Sequence[Tuple[str, str]], chunk_bytes: int,
                max_bytes: Optional[int] = None) -> List[List[Tuple[str, str, int, int]]]:
    """Groups the input into shards of about chunk_bytes: each shard is a list of (path, name,
    start, end) byte ranges. Big files are cut into several ranges, small files are packed together.

    A line belongs to the range holding its first byte. With max_bytes, only the first max_bytes of
    the whole input are planned (for sampling big corpora). The plan depends only on the input and
    the parameters, never on the cluster, so shards are reproducible.
    """
    shards: List[List[Tuple[str, str, int, int]]] = []
    cur: List[Tuple[str, str, int, int]] = []
    cur_size = 0
    total = 0
    for path, name in files:
        size = os.path.getsize(path)
        if max_bytes is not None:
            size = min(size, max_bytes - total)
            if size <= 0:
                break
        total += size
        start = 0
        while start < size:
            end = min(size, start + chunk_bytes - cur_size)
            cur.append((path, name, start, end))
            cur_size += end - start
            start = end
            if cur_size >= chunk_bytes:
                shards.append(cur)
                cur, cur_size = [], 0
    if cur:
        shards.append(cur)
    return shards


def _read_range(path: str, start: int, end: int) -> Iterable[Tuple[int, bytes]]:
    """(offset, line without its newline) of every line whose first byte is in [start, end)."""
    with open(path, "rb") as f:
        pos = start
        if start > 0:
            f.seek(start - 1)
            if f.read(1) != b"\n":
                skipped = f.readline()
                pos = start + len(skipped)
        else:
            f.seek(0)
        while pos < end:
            line = f.readline()
            if not line:
                break
            yield pos, line.rstrip(b"\r\n")
            pos += len(line)


def _process_chunk(ranges: List[Tuple[str, str, int, int]], index: int, out_dir: str, pipeline: Pipeline,
                   batch: int = 512) -> Dict[str, Any]:
    shard = os.path.join(out_dir, f"part-{index:05d}.jsonl")
    tmp = shard + ".tmp"
    lines = 0
    nbytes = 0
    dumps = json.JSONEncoder(ensure_ascii=False, default=_jsonable).encode
    with open(tmp, "w", encoding="utf-8") as out:
        pending: List[Tuple[str, int, bytes]] = []

        def flush() -> None:
            # bytes in: invalid UTF-8 becomes U+FFFD (or an error under strict=True)
            results = pipeline.run_batch([t for _, _, t in pending])
            out.write("".join(dumps({"file": name, "offset": off, "output": r}) + "\n"
                              for (name, off, _), r in zip(pending, results)))
            pending.clear()

        for path, name, start, end in ranges:
            for off, text in _read_range(path, start, end):
                pending.append((name, off, text))
                lines += 1
                nbytes += len(text) + 1
                if len(pending) >= batch:
                    flush()
        if pending:
            flush()
    os.replace(tmp, shard)
    return {"shard": shard, "lines": lines, "bytes": nbytes}


def _jsonable(o: Any) -> Any:
    to_dict = getattr(o, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    raise TypeError(f"not JSON serializable: {type(o).__name__}")


def process_files(inputs: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], out_dir: Union[str, os.PathLike],
                  pipeline: PipelineLike, pattern: str = "*", chunk_bytes: int = 4 << 20,
                  max_bytes: Optional[int] = None, client: Any = None, scheduler: Optional[str] = None) -> ProcessReport:
    """Runs `pipeline` over every line of the files under `inputs`, writing sharded JSONL to `out_dir`.

    inputs: a directory (walked recursively, files matching `pattern`), a file, or a list of them.
    The input is planned into shards of about `chunk_bytes` (big files cut at line boundaries, small
    files packed together); shard i becomes ``out_dir/part-%05d.jsonl`` with one
    ``{"file", "offset", "output"}`` record per line, in input order.
    `client`: a distributed.Client (local or cluster); without it the `scheduler` of dask
    ("threads", "processes", "sync"; default "threads") runs the tasks. max_bytes samples the
    first max_bytes of the input. Returns a :class:`ProcessReport` with the throughput.
    """
    import dask

    p = _as_pipeline(pipeline)
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    files = _list_files(inputs, pattern)
    chunks = plan_chunks(files, chunk_bytes, max_bytes)
    t0 = time.perf_counter()
    tasks = [dask.delayed(_process_chunk, pure=False)(c, i, out_dir, p) for i, c in enumerate(chunks)]
    if client is not None:
        results = client.compute(tasks, sync=True)
    else:
        import warnings
        with warnings.catch_warnings():  # an explicit local scheduler while a Client exists is intended
            warnings.filterwarnings("ignore", message="Running on a single-machine scheduler")
            results = dask.compute(*tasks, scheduler=scheduler or "threads")
    seconds = time.perf_counter() - t0
    rep = ProcessReport(files=len({r[0] for c in chunks for r in c}), seconds=seconds)
    for r in results:
        rep.shards.append(r["shard"])
        rep.lines += r["lines"]
        rep.bytes += r["bytes"]
    return rep


def read_shards(out_dir: Union[str, os.PathLike]) -> Iterable[Dict[str, Any]]:
    """Reads back the records of process_files' shards, in order."""
    out_dir = os.fspath(out_dir)
    for name in sorted(os.listdir(out_dir)):
        if name.startswith("part-") and name.endswith(".jsonl"):
            with open(os.path.join(out_dir, name), encoding="utf-8") as f:
                for line in f:
                    yield json.loads(line)
