"""Files the program needs at run time: fonts, icons, styles, the bundled example incident.

Installed as the package ``incident_log.resources``; load with ``importlib.resources``:
``files("incident_log.resources") / "fonts" / "DejaVuSans.ttf"``.
"""
