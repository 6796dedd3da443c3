#!/usr/bin/env python3
"""Latency of `langgan watch`: from a record's write to the rebuild line.

    python3 bench/watch_latency.py SHOP EDITS [SITE]
    WATCH_EDIT=followup python3 bench/watch_latency.py SHOP EDITS [SITE]

Starts `target/release/langgan --shop SHOP watch --out <tmp>`, then edits one
customer file EDITS times (an in-place rewrite that changes its city, a field
its pages show; with WATCH_EDIT=followup it logs a follow-up instead, which
moves figures, the agenda and weekly lists), and for
each edit measures (a) end to end, from the write to the rebuild line on
stdout (includes the 75 ms debounce), and (b) the rebuild time langgan reports
itself. Prints p50/p95 of both and the process's RSS before and after.
Standard library only.
"""
import os, statistics, subprocess, sys, tempfile, threading, time, queue, re, glob

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]

def edited(text, i, kind):
    """The file after edit i: a real change (a comment-only save is not rebuilt)."""
    if kind == "followup":
        # A follow-up logged today: figures, the agenda and the weekly lists change.
        item = (f"  - at: 2026-11-20 {10 + i % 4:02d}:{i % 60:02d}\n    kind: followup\n"
                f"    by: dewi\n    note: \"bench {i}\"\n")
        lines = text.splitlines(keepends=True)
        if "interactions:\n" in lines:
            at = lines.index("interactions:\n") + 1
            while at < len(lines) and lines[at].startswith((" ", "-")):
                at += 1
            return "".join(lines[:at] + [item] + lines[at:])
        return text + "interactions:\n" + item
    # A shown field: the customer's city.
    out = re.sub(r"(?m)^city: .*$", f"city: Kota {i}", text, count=1)
    return out if out != text else text + f"note: bench edit {i}\n"

def main():
    shop, edits = sys.argv[1], int(sys.argv[2])
    kind = os.environ.get("WATCH_EDIT", "city")
    # An existing site folder (e.g. from bench/run.sh) makes the first build quick.
    out = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="watch-bench-")
    target = sorted(glob.glob(os.path.join(shop, "customers", "**", "*.yaml"), recursive=True))[0]
    original = open(target, "rb").read()
    proc = subprocess.Popen(
        ["target/release/langgan", "--shop", shop, "--now", "2026-11-20 15:00", "watch", "--out", out],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.monotonic(), l)) for l in proc.stdout], daemon=True).start()
    t_start = time.monotonic()
    lines.get(timeout=1800)  # first build
    first_build = time.monotonic() - t_start
    time.sleep(0.5)
    rss_before = rss_kb(proc.pid)
    e2e, reported = [], []
    try:
        for i in range(edits):
            text = edited(original.decode(), i, kind)
            # Lines of earlier rebuilds (an editor save can come as two batches) do not count.
            while not lines.empty():
                lines.get_nowait()
            t0 = time.monotonic()
            with open(target, "w") as f:
                f.write(text)
            t1, line = lines.get(timeout=1800)
            while t1 < t0:
                t1, line = lines.get(timeout=1800)
            e2e.append((t1 - t0) * 1000)
            m = re.search(r"(\d+) ms", line)
            if m:
                reported.append(int(m.group(1)))
            time.sleep(0.15)
        rss_after = rss_kb(proc.pid)
    finally:
        with open(target, "wb") as f:
            f.write(original)
        proc.kill()
    print(f"shop={shop} edits={edits} edit={kind} first_build={first_build:.1f}s")
    print(f"end-to-end ms: p50={pct(e2e,50):.0f} p95={pct(e2e,95):.0f} (includes the 75 ms debounce)")
    if reported:
        print(f"rebuild ms (reported): p50={pct(reported,50):.0f} p95={pct(reported,95):.0f}")
    print(f"RSS: {rss_before/1024:.0f} MiB before, {rss_after/1024:.0f} MiB after {edits} edits")

if __name__ == "__main__":
    main()
