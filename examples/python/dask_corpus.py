#!/usr/bin/python3
"""A directory of text files -> sharded JSONL of tokens, on a Dask cluster.

    PYTHONPATH=build-python/python /usr/bin/python3 examples/python/dask_corpus.py DIR OUT [SCHEDULER]

Without SCHEDULER a LocalCluster of 2 worker processes is started; with one
(tcp://host:8786) the same code runs on that multi-machine cluster.
"""
import sys

from distributed import Client, LocalCluster

import kurdi
import kurdi.dask

if __name__ == "__main__":
    src, out = sys.argv[1], sys.argv[2]
    client = Client(sys.argv[3]) if len(sys.argv) > 3 else Client(LocalCluster(n_workers=2, processes=True))
    pipeline = kurdi.Pipeline(["decode", "normalize", "tokenize"])
    report = kurdi.dask.process_files(src, out, pipeline, pattern="*.txt", client=client)
    print(report)
