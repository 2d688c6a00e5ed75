"""Text for people: every table, figure and message the command line prints.

Each function takes an answer of the library (a report's msgspec struct, an audit's
report, an event) and returns text; nothing here reads a store or decides a figure.
``layout`` holds what the texts share: the one ``display_width`` (CJK characters take
two terminal columns), aligned tables, amounts in yuan. Then one module per kind of
answer: ``funds`` (balances, statements, disclosures, donors, the annual report),
``volunteers`` (accounts, figures, erasures), ``certificates`` (text, JSON, a printable
page), ``audit`` (the trail, ``verify``, ``audit``, ``rebuild``, exports), ``store``
(keys, anchors, upgrades, copies), ``sheets`` (imports) and ``progress``.

It sits above every part whose answers it lays out (reports, audit, sheets) and below
the command line, which only parses, calls the library and prints what this returns.
"""
