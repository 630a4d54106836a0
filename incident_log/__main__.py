from incident_log.cli import main

raise SystemExit(main())
