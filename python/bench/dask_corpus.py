#!/usr/bin/python3
"""Full run of a kurdi pipeline over the raw corpora on a Dask cluster, with throughput.

    PYTHONPATH=build-python/python /usr/bin/python3 python/bench/dask_corpus.py \
        [--data ../shared/data] [--workers 2] [--scheduler tcp://host:8786] [--out /tmp/kurdi-dask]

Processes KTC, wishe and KurdishMT (raw .txt files) with decode -> normalize -> tokenize into
sharded JSONL, first in one process (scheduler="sync"), then on a distributed.LocalCluster of
--workers worker processes (or an existing cluster with --scheduler), checks both outputs are
identical and prints MB/s for both.
"""
import argparse
import filecmp
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(HERE, "..", "..", "build-python", "python"))  # fallback
import kurdi  # noqa: E402
import kurdi.dask as kd  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("KURDI_SHARED_DATA", "/work/shared/data"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler")
    ap.add_argument("--out", default="/tmp/kurdi-dask")
    ap.add_argument("--chunk-mb", type=float, default=1.0)
    ap.add_argument("--stages", default="decode,normalize,tokenize")
    ap.add_argument("--skip-single", action="store_true", help="do not run the single-process reference")
    args = ap.parse_args()

    inputs = [os.path.join(args.data, p) for p in ("KTC", "DevelopersTree-KurdishResources/wishe", "KurdishMT/data/Ku")]
    inputs = [p for p in inputs if os.path.isdir(p)]
    if not inputs:
        sys.exit(f"no raw corpora under {args.data}")
    pipe = kurdi.Pipeline(args.stages.split(","))
    chunk = int(args.chunk_mb * (1 << 20))
    shutil.rmtree(args.out, ignore_errors=True)

    from distributed import Client, LocalCluster
    pkg_root = os.path.dirname(os.path.dirname(os.path.abspath(kurdi.__file__)))
    os.environ["PYTHONPATH"] = pkg_root + os.pathsep + os.environ.get("PYTHONPATH", "")
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    print(f"pipeline {pipe.stages}, inputs {inputs}")
    print(f"cluster: {len(client.scheduler_info()['workers'])} workers")
    import time
    t0 = time.perf_counter()
    kd.warm_up(client, pipe)
    print(f"engines built on every worker in {time.perf_counter() - t0:.2f} s (once per worker process)")
    dist = kd.process_files(inputs, os.path.join(args.out, "dist"), pipe, pattern="*.txt", chunk_bytes=chunk, client=client)
    print(f"distributed   : {dist}")
    if not args.skip_single:
        local = kd.process_files(inputs, os.path.join(args.out, "local"), pipe, pattern="*.txt", chunk_bytes=chunk,
                                 scheduler="sync")
        print(f"single process: {local}")
        names = sorted(os.listdir(os.path.join(args.out, "local")))
        _, mismatch, errors = filecmp.cmpfiles(os.path.join(args.out, "local"), os.path.join(args.out, "dist"), names,
                                               shallow=False)
        print("outputs identical" if not mismatch and not errors else f"OUTPUTS DIFFER: {mismatch} {errors}")
        print(f"speed-up x{local.seconds / dist.seconds:.2f}")
    client.close()
    if cluster:
        cluster.close()


if __name__ == "__main__":
    main()
