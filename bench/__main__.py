"""python -m bench generate|run|fanout [options]: Django is set up first."""

import os
import sys

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    commands = {"generate": "bench.generate", "run": "bench.run", "fanout": "bench.fanout"}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: python -m bench {{{'|'.join(commands)}}} [options]")
    module = __import__(commands[sys.argv[1]], fromlist=["main"])
    return module.main(sys.argv[2:])


if __name__ == "__main__":
    main()
