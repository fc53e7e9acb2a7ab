"""The benchmark of issue #9: a metro-scale data set (bench.generate), the
HTTP and export measurements (bench.run) and the reminder fan-out
(bench.fanout). `make bench` runs them all; nothing here is imported by the
portal itself."""
