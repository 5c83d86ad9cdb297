"""``python -m generator.metaschemas``: recompile the five metaschema modules if stale."""

from generator.metaschemas import update

rewritten = update()
print(f"metaschemas: {len(rewritten)} rewritten {' '.join(rewritten)}".rstrip())
