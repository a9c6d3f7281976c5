#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

from marketplace.cli import main

if __name__ == "__main__":
    main()
