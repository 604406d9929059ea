#!/usr/bin/env python3
"""Measure Python's concurrent.futures pools on the figures the process executor is
compared with: the sequential round trip of one no-op task at a time, the throughput of a
batch submitted at once, and the time from a new pool to its first result.

The benchmark report runs it with --json and reads one line per pool:

    {"pool": "process[fork]", "workers": 2, "tasks": 10000, "runs": 3, "pools": 5,
     "sequential": {"mean_us": ..., "p50_us": ...},
     "batch": {"tasks_per_s": ...},
     "startup": {"first_result_ms": ...}}

Each figure is the median of the runs; the first result's is the median of --pools new
pools after each run. Only the standard library is used.
"""

import argparse
import json
import multiprocessing
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

# enough for every worker to have started and run tasks before the clock starts
WARMUP_TASKS = 2_000


def identity(value):
    """The no-op task: it returns its argument, so that each result can be checked."""
    return value


def pool_factories(workers):
    """The pools to measure, by name, each as a function that creates a new one."""
    factories = {"thread": lambda: ThreadPoolExecutor(max_workers=workers)}
    for method in ("fork", "spawn"):
        if method in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context(method)
            factories["process[%s]" % method] = (
                lambda context=context: ProcessPoolExecutor(max_workers=workers, mp_context=context))
    return factories


def check(result, expected):
    if result != expected:
        raise RuntimeError("Wrong result: %r instead of %r" % (result, expected))


def round_trips(pool, tasks):
    """Submit one task at a time and wait for it: the mean and the median, in microseconds."""
    latencies = []
    start = time.perf_counter_ns()
    for value in range(tasks):
        submitted = time.perf_counter_ns()
        check(pool.submit(identity, value).result(), value)
        latencies.append(time.perf_counter_ns() - submitted)
    mean = (time.perf_counter_ns() - start) / 1e3 / tasks
    return mean, statistics.median(latencies) / 1e3


def batch(pool, tasks):
    """Submit every task at once, then gather the results in order: tasks per second."""
    start = time.perf_counter_ns()
    futures = [pool.submit(identity, value) for value in range(tasks)]
    for value, future in enumerate(futures):
        check(future.result(), value)
    return tasks / ((time.perf_counter_ns() - start) / 1e9)


def first_result(new_pool):
    """Milliseconds from creating a pool to the result of its first task."""
    start = time.perf_counter_ns()
    pool = new_pool()
    try:
        check(pool.submit(identity, 0).result(), 0)
        return (time.perf_counter_ns() - start) / 1e6
    finally:
        pool.shutdown()


def measure(new_pool, tasks, runs, pools):
    figures = {"mean_us": [], "p50_us": [], "tasks_per_s": [], "first_result_ms": []}
    for _ in range(runs):
        with new_pool() as pool:
            round_trips(pool, WARMUP_TASKS)
            batch(pool, WARMUP_TASKS)
            mean, p50 = round_trips(pool, tasks)
            figures["mean_us"].append(mean)
            figures["p50_us"].append(p50)
            figures["tasks_per_s"].append(batch(pool, tasks))
        for _ in range(pools):
            figures["first_result_ms"].append(first_result(new_pool))
    median = {name: statistics.median(values) for name, values in figures.items()}
    return {
        "sequential": {"mean_us": median["mean_us"], "p50_us": median["p50_us"]},
        "batch": {"tasks_per_s": median["tasks_per_s"]},
        "startup": {"first_result_ms": median["first_result_ms"]},
    }


def print_table(results):
    print("Python %s, %d no-op tasks, %d workers, median of %d runs (cold pool: of %d new pools)"
          % (sys.version.split()[0], results[0]["tasks"], results[0]["workers"], results[0]["runs"],
             results[0]["runs"] * results[0]["pools"]))
    print("  %-32s" % "" + "".join(" %16s" % result["pool"] for result in results))
    rows = (("sequential round trip (us)", "sequential", "mean_us"),
            ("  p50 (us)", "sequential", "p50_us"),
            ("batch throughput (tasks/s)", "batch", "tasks_per_s"),
            ("cold pool to first result (ms)", "startup", "first_result_ms"))
    for label, group, field in rows:
        print("  %-32s" % label + "".join(" %16.1f" % result[group][field] for result in results))


def main(arguments):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks of each measurement (default 10000)")
    parser.add_argument("--workers", type=int, default=2, help="workers of each pool (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="runs whose median is reported (default 3)")
    parser.add_argument("--pools", type=int, default=5,
                        help="new pools after each run whose first results' median is reported (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per pool and line")
    options = parser.parse_args(arguments)
    results = []
    for name, new_pool in pool_factories(options.workers).items():
        result = {"pool": name, "workers": options.workers, "tasks": options.tasks, "runs": options.runs,
                  "pools": options.pools}
        result.update(measure(new_pool, options.tasks, options.runs, options.pools))
        if options.json:
            print(json.dumps(result), flush=True)
        results.append(result)
    if not options.json:
        print_table(results)


if __name__ == "__main__":
    main(sys.argv[1:])
