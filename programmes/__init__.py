"""Host for programme plugins (repair café, community garden, ...).

Kept reusable: nothing here imports the portal's own apps.
"""
