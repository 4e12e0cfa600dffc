#!/usr/bin/env python3
"""CPU seconds of a command by thread group, read from /proc/<pid>/task/*/stat while it runs.

    bench/cpu_by_thread.py OUTPUT COMMAND [ARGS...]

Runs COMMAND with its output in the file OUTPUT, samples the user + system time of each of its threads every 0.2 s
until it exits, and prints the total and the groups (thread names without their trailing numbers: the JIT compiler
threads, `dynamodb-writer`, the step threads, `java` for the main thread, GC...), the most first. A thread's last
sample counts, so a thread that ends less than 0.2 s after its last sample loses that much. Linux only.
"""
import collections
import os
import re
import subprocess
import sys
import time

output, command = sys.argv[1], sys.argv[2:]
with open(output, 'w') as out:
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    tick = os.sysconf('SC_CLK_TCK')
    last = {}
    while process.poll() is None:
        try:
            tasks = os.listdir(f'/proc/{process.pid}/task')
        except FileNotFoundError:
            break
        for tid in tasks:
            try:
                stat = open(f'/proc/{process.pid}/task/{tid}/stat').read()
            except OSError:
                continue
            name = stat[stat.index('(') + 1:stat.rindex(')')]
            fields = stat[stat.rindex(')') + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        time.sleep(0.2)
    process.wait()
groups = collections.Counter()
for name, seconds in last.values():
    groups[re.sub(r'[-#_ ]?\d+$', '', name)] += seconds
print(f'exit {process.returncode}; total {sum(groups.values()):.1f} s')
for name, seconds in groups.most_common(12):
    print(f'{seconds:7.2f}  {name}')
sys.exit(process.returncode)
