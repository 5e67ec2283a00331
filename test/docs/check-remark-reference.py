"""Checks that docs/reference.md has a row for each entry of remarks.c's
reason table: `name` | `message` | `REASON`.  Prints what is missing."""
import re
import sys

source, reference = (open(path).read() for path in sys.argv[1:3])
entries = re.findall(r'\[(H2S_[A-Z_]+)\] = \{"(\w+)", "([^"]*)"\}', source)
missing = ["| `%s` | `%s` | `%s` |" % (name, message, reason)
           for reason, name, message in entries
           if "| `%s` | `%s` | `%s` |" % (name, message, reason) not in reference]
if not entries:
    print("no remark table found in", sys.argv[1])
    sys.exit(1)
for row in missing:
    print("missing from the reference:", row)
if missing:
    sys.exit(1)
print("every remark documented (%d)" % len(entries))
