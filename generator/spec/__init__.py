"""JSON Schema facts, no I/O: dialects (:mod:`.dialects`), keyword tables and the subschema
walk (:mod:`.keywords`), JSON Pointers (:mod:`.pointer`), the numbers a schema may hold
(:mod:`.numbers`). Every stage imports from here; this package imports no stage."""
