# Sourced by the benchmark scripts: `timed CMD...` runs a command (its output thrown away) and
# prints its wall-clock seconds and its peak resident memory in KiB.
timed() {
  python3 -c 'import resource, subprocess, sys, time
t = time.monotonic(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
