#!/usr/bin/env python3
"""The benchmark's jobs through boto3 RESOURCES, for comparison with aws-resources.

Reads one JSON job per line on stdin and answers one JSON line per job on stdout:
  {"job": "list-keys", "bucket": "b"}
  -> {"job": "list-keys", "ms": 812.3, "requests": 5, "byOperation": {"ListObjectsV2": 5}, "result": 5000}

HTTP requests are counted through botocore's event system: `before-send` fires once per HTTP
attempt (retries included), for every client the resources use (S3 transfers too).

Usage: python3 bench/boto3_requests.py --endpoint http://127.0.0.1:PORT < jobs.jsonl
(bench/vs-boto3.ts starts moto and drives this script; run it alone the same way.)
"""
import argparse
import json
import os
import sys
import threading
import time

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config


class Counter:
    """Counts HTTP requests per operation from `before-send` events (thread-safe: transfers)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_operation = {}

    def __call__(self, event_name=None, **_):
        operation = event_name.rsplit(".", 1)[-1]
        with self.lock:
            self.by_operation[operation] = self.by_operation.get(operation, 0) + 1

    def reset(self):
        with self.lock:
            self.by_operation = {}


def resources(endpoint, counter):
    session = boto3.session.Session(
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    config = Config(s3={"addressing_style": "path"}, retries={"mode": "standard"})
    made = {
        name: session.resource(name, endpoint_url=endpoint, config=config)
        for name in ("s3", "dynamodb", "ec2")
    }
    for resource in made.values():
        resource.meta.client.meta.events.register("before-send", counter)
    return made


def lazy_reads(r, job):
    obj = r["s3"].Object(job["bucket"], job["key"])
    return [obj.content_length, obj.e_tag, obj.last_modified.isoformat(), obj.content_type][0]


def limit_10(r, job):
    return len([o.key for o in r["s3"].Bucket(job["bucket"]).objects.limit(10)])


def list_keys(r, job):
    return sum(1 for o in r["s3"].Bucket(job["bucket"]).objects.all() if o.key)


def delete_keys(r, job):
    responses = r["s3"].Bucket(job["bucket"]).objects.all().delete()
    failed = [e for response in responses for e in response.get("Errors", [])]
    if failed:
        raise RuntimeError(f"{len(failed)} keys failed to delete")
    return sum(len(response.get("Deleted", [])) for response in responses)


def batch_write(r, job):
    table = r["dynamodb"].Table(job["table"])
    with table.batch_writer() as writer:
        for i in range(job["items"]):
            writer.put_item(Item={"id": f"{job['prefix']}-{i}", "n": i, "payload": "x" * 100})
    return job["items"]


def scan_table(r, job):
    """boto3's idiom for reading a whole table: a sequential scan loop on LastEvaluatedKey."""
    table = r["dynamodb"].Table(job["table"])
    kwargs = {}
    seen = 0
    while True:
        page = table.scan(**kwargs)
        seen += len(page["Items"])
        if "LastEvaluatedKey" not in page:
            return seen
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def download_files(r, job):
    """A loop of `download_file` over the objects under a prefix (boto3 has no directory download)."""
    bucket = r["s3"].Bucket(job["bucket"])
    written = 0
    for obj in bucket.objects.filter(Prefix=job["prefix"]):
        path = os.path.join(job["dir"], obj.key[len(job["prefix"]):])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        bucket.download_file(obj.key, path)
        written += 1
    return written


def instances_by_filter(r, job):
    filters = [{"Name": f"tag:{job['tagKey']}", "Values": [job["tagValue"]]}]
    return sum(1 for i in r["ec2"].instances.filter(Filters=filters) if i.id)


def multipart_upload(r, job):
    config = TransferConfig(
        multipart_threshold=job["partSize"],
        multipart_chunksize=job["partSize"],
        max_concurrency=job["concurrency"],
    )
    obj = r["s3"].Object(job["bucket"], job["key"])
    obj.upload_file(job["file"], Config=config)
    return job["size"]


def warm_up(r, job):
    """One request per service, so no job pays for loading a service model."""
    r["s3"].meta.client.list_buckets()
    r["dynamodb"].meta.client.list_tables()
    r["ec2"].meta.client.describe_regions()
    return 0


JOBS = {
    "warm-up": warm_up,
    "lazy-reads": lazy_reads,
    "limit-10": limit_10,
    "list-keys": list_keys,
    "delete-keys": delete_keys,
    "batch-write": batch_write,
    "instances-by-filter": instances_by_filter,
    "multipart-upload": multipart_upload,
    "scan-table": scan_table,
    "download-files": download_files,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--endpoint", required=True, help="the moto server, e.g. http://127.0.0.1:5000")
    args = parser.parse_args()
    counter = Counter()
    made = resources(args.endpoint, counter)
    print(json.dumps({"ready": True, "boto3": boto3.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        counter.reset()
        started = time.perf_counter()
        result = JOBS[job["job"]](made, job)
        ms = (time.perf_counter() - started) * 1000
        by_operation = dict(counter.by_operation)
        print(
            json.dumps(
                {
                    "job": job["job"],
                    "ms": ms,
                    "requests": sum(by_operation.values()),
                    "byOperation": by_operation,
                    "result": result,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
