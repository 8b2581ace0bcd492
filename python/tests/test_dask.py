"""kurdi.dask: bags, dataframes and directory -> sharded JSONL on a 2-worker LocalCluster.

The corpus test processes the raw corpora of the shared data folder (KTC, wishe, KurdishMT) when it
is present (KURDI_SHARED_DATA, default ../shared/data next to the repository), sampled to
KURDI_DASK_SAMPLE_MB (default 6 MB; 0 = everything) to keep the suite fast, else the bundled
corpus under python/tests/data/corpus. It checks the cluster output is byte-identical to the
single-process output and prints the throughput (python/bench/dask_corpus.py runs the full corpora).
"""
import filecmp
import os

import pytest

import kurdi

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
import kurdi.dask as kd  # noqa: E402

from conftest import DATA, REPO  # noqa: E402

PIPE = kurdi.Pipeline(["decode", "normalize", "tokenize"])


def corpus_inputs():
    shared = os.environ.get("KURDI_SHARED_DATA") or os.path.join(os.path.dirname(REPO), "shared", "data")
    parts = [os.path.join(shared, p) for p in ("KTC", "DevelopersTree-KurdishResources/wishe", "KurdishMT/data/Ku")]
    parts = [p for p in parts if os.path.isdir(p)]
    if parts:
        return parts, "*.txt", "shared raw corpora"
    return [os.path.join(DATA, "corpus")], "*.txt", "bundled corpus"


@pytest.fixture(scope="module")
def client():
    # Worker processes must import the same kurdi (a build tree found through sys.path included).
    pkg_root = os.path.dirname(os.path.dirname(os.path.abspath(kurdi.__file__)))
    os.environ["PYTHONPATH"] = pkg_root + os.pathsep + os.environ.get("PYTHONPATH", "")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_map_bag_matches_local(client):
    lines = [ln.rstrip("\n") for ln in open(os.path.join(DATA, "corpus", "news", "day1.txt"), encoding="utf-8")]
    bag = db.from_sequence(lines, npartitions=4)
    assert kd.map_bag(bag, PIPE).compute() == PIPE.run_batch(lines)


def test_engines_built_once_per_worker(client):
    def compiled_id(_):
        import kurdi as k
        return id(k.Pipeline(["decode", "normalize", "tokenize"])._p)

    ids = client.run(lambda: None)  # one entry per worker
    futures = client.map(compiled_id, range(20), pure=False)
    assert len(set(client.gather(futures))) <= len(ids)


def test_map_dataframe(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    df = pd.DataFrame({"text": ["كتيبةكان باشن", "سڵاو هاوڕێ", "ئەمڕۆ هەوا خۆشە"] * 10})
    ddf = dd.from_pandas(df, npartitions=3)
    out = kd.map_dataframe(ddf, kurdi.Pipeline(["normalize"]), column="text", output="clean").compute()
    assert out["clean"].tolist() == kurdi.normalize_batch(df["text"].tolist())


def test_process_files_cluster_equals_single_process(client, tmp_path):
    inputs, pattern, what = corpus_inputs()
    kd.warm_up(client, PIPE)  # engines built once per worker, outside the timed run
    sample_mb = float(os.environ.get("KURDI_DASK_SAMPLE_MB", "6"))
    max_bytes = int(sample_mb * 1e6) if sample_mb > 0 else None
    chunk = 1 << 20 if what != "bundled corpus" else 2048  # bundled: several shards from a tiny corpus
    local = kd.process_files(inputs, tmp_path / "local", PIPE, pattern=pattern, chunk_bytes=chunk,
                             max_bytes=max_bytes, scheduler="sync")
    dist = kd.process_files(inputs, tmp_path / "dist", PIPE, pattern=pattern, chunk_bytes=chunk,
                            max_bytes=max_bytes, client=client)
    assert local.lines > 0 and local.lines == dist.lines and local.bytes == dist.bytes
    names = sorted(os.listdir(tmp_path / "local"))
    assert names == sorted(os.listdir(tmp_path / "dist")) and len(names) >= 2
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "local", tmp_path / "dist", names, shallow=False)
    assert not mismatch and not errors
    first = next(iter(kd.read_shards(tmp_path / "dist")))
    assert set(first) == {"file", "offset", "output"} and isinstance(first["output"], list)
    print(f"\n[kurdi.dask] {what}: single process: {local}\n[kurdi.dask] {what}: 2 workers: {dist}")
