"""Spanish translations, third part (see es_seed_1.py)."""
from es_seed_2 import ES, _put  # noqa: F401

_put("a11y", [
("Button", "Botón"), ("Choice: type it or press Alt+Down for the list", "Opción: escríbala o pulse Alt+Abajo para ver la lista"),
("Text field", "Campo de texto"), ("Text area", "Área de texto"), ("Text", "Texto"),
("Number: Up and Down change it", "Número: arriba y abajo lo cambian"), ("List: Up and Down move, Enter opens", "Lista: arriba y abajo se desplazan, Intro abre"),
("Tabs: Left and Right choose", "Pestañas: izquierda y derecha eligen"),
])
_put("controller", [("%1 (back to %2)", "%1 (vuelve a %2)")])
_put("demands", [("accepted · owed", "pendiente")])
_put("detail", [
("<b>Occurred</b> %1", "<b>Ocurrió</b> %1"), ("<b>Recorded</b> %1", "<b>Registrada</b> %1"), ("<b>LATE</b> by %1 min", "<b>TARDÍA</b> en %1 min"),
(" because ", " porque "), ("<b>By</b> ", "<b>Por</b> "), ("<b>Origin</b> ", "<b>Origen</b> "), ("<p><b>Refers to</b> #%1</p>", "<p><b>Se refiere a</b> la n.º %1</p>"),
("<h4>Amendments (the original above stays in the log)</h4>", "<h4>Correcciones (la original de arriba sigue en el registro)</h4>"),
("<b>#%1</b> %2 by %3: %4", "<b>n.º %1</b> %2 por %3: %4"), ("Text now: ", "Texto ahora: "), ("Fields now: ", "Campos ahora: "),
("<h4>Status updates</h4>", "<h4>Cambios de estado</h4>"), ("<h4>Flagged for the debrief</h4>", "<h4>Marcada para la revisión</h4>"),
("<b>%1</b> at %2: %3", "<b>%1</b> a las %2: %3"), ("<p><small>Hash %1…</small></p>", "<p><small>Hash %1…</small></p>"), ("Entry %1 in full", "Anotación %1 completa"),
])
_put("incident_status", [("open", "abierto"), ("sealed", "sellado")])
_put("incident_types", [("hostage", "rehenes"), ("barricade", "atrincheramiento"), ("suicide intervention", "intento de suicidio"),
                        ("kidnap", "secuestro"), ("crisis", "crisis"), ("other", "otro")])
_put("labels", [("Subject", "Sujeto"), ("Hostage", "Rehén"), ("Negotiator", "Negociador"), ("Family", "Familiar"), ("Witness", "Testigo"),
                ("Intermediary", "Intermediario"), ("Commander", "Mando"), ("Person", "Persona"), ("Loggist", "Anotador")])
_put("leader_window", [("{n} entry", "{n} anotación"), ("{n} entries", "{n} anotaciones"), (" · SEALED", " · SELLADO")])
_put("report_dialog", [
("&Keep as written", "&Mantener tal cual"), ("&Redact", "&Anonimizar"), ("&Attach to person", "A&signar a persona"), ("&Default", "&Por defecto"),
("Debrief report — %1", "Informe de revisión — %1"), ("Found", "Hallado"), ("Class", "Clase"), ("Count", "Veces"), ("Printed as", "Se imprime"),
("Decision", "Decisión"), ("%1 findings", "%1 hallazgos"), (", %1 of them also at the start of a sentence (check those)", ", %1 de ellos también al principio de una frase (revíselos)"),
("The redaction review could not be read (%1).", "No se ha podido leer la revisión de la anonimización (%1)."),
("Written: %1 (%2 pages).", "Escrito: %1 (%2 páginas)."),
("The report could not be made (internal error: %1). Nothing was written.", "No se ha podido hacer el informe (error interno: %1). No se ha escrito nada."),
])
_put("roster", [("  ☎ now", "  ☎ ahora")])
_put("themes", [("Light (day)", "Claro (día)"), ("Dark (night work)", "Oscuro (trabajo nocturno)"), ("Night (red and amber on black)", "Noche (rojo y ámbar sobre negro)")])
_put("timeline_model", [
("up to #{seq}", "hasta la n.º {seq}"), ("through #{seq}", "hasta la n.º {seq} incluida"), ("{seq} entries", "{seq} anotaciones"),
("… [%1 characters]", "… [%1 caracteres]"), ("%1  LATE +%2 min", "%1  TARDÍA +%2 min"), ("late because: ", "tardía porque: "),
("Occurred %1\nRecorded %2", "Ocurrió %1\nRegistrada %2"), ("\nRecorded %1 min late", "\nRegistrada %1 min tarde"), ("\nOrigin: ", "\nOrigen: "),
])
_put("timeline_view", [
("Anyone", "Cualquiera"), ("Search the log (%1), Enter to search, Esc to clear", "Buscar (%1), Intro busca, Esc borra"),
("Keep the newest entry in view (%1)", "Mantener a la vista la anotación más reciente (%1)"), ("Paused — follow newest", "En pausa — seguir la más reciente"),
("{n} shown", "{n} mostradas"), ("{n} entry", "{n} anotación"), ("{n} entries", "{n} anotaciones"),
])
_put("viewer", [
("Incident Log", "Registro de Incidentes"), (" [EXERCISE]", " [EJERCICIO]"), (" — SEALED", " — SELLADO"), ("no callsign set", "sin indicativo"),
("Author: %1 · vault unlocked with %2", "Autor: %1 · almacén desbloqueado con %2"), ("{n} entry", "{n} anotación"), ("{n} entries", "{n} anotaciones"),
("%1 flagged", "%1 marcadas"), ("Boards hidden: {key} brings them back, Alt+1 … Alt+6 raise one.", "Paneles ocultos: {key} los devuelve, Alt+1 … Alt+6 traen uno al frente."),
("%1 (back to #%2)", "%1 (vuelve a la n.º %2)"), ("Acknowledged (#%1): %2", "Atendida (n.º %1): %2"),
])
_put("alarms", [
("Deadline in {left}: demand #{seq} by {who} — “{text}” (at {clock})", "Plazo en {left}: demanda n.º {seq} de {who} — “{text}” (a las {clock})"),
("Deadline PASSED {ago} ago: demand #{seq} by {who} — “{text}” (was {clock})", "Plazo VENCIDO hace {ago}: demanda n.º {seq} de {who} — “{text}” (era a las {clock})"),
("No contact for {minutes} minutes (last contact {clock})", "Sin contacto desde hace {minutes} minutos (último contacto {clock})"),
("No contact for {minutes} minutes since the incident opened ({clock})", "Sin contacto durante {minutes} minutos desde que se abrió el incidente ({clock})"),
])
_put("unlock", [("keyring", "el llavero del sistema"), ("passphrase", "la frase de contraseña")])
_put("summary_dialog", [("unredacted", "sin anonimizar"), ("redacted", "anonimizada")])
_put("report_dialog", [("Language of the report", "Idioma del informe"), ("&Language:", "&Idioma:"), ("Redaction findings", "Hallazgos de la anonimización"), ("Person to attach the finding to", "Persona a la que asignar el hallazgo")])
_put("finding_classes", [("registered", "registrado"), ("variant", "variante"), ("registered phone", "teléfono registrado"),
    ("candidate", "posible nombre"), ("term", "término"), ("phone", "teléfono"), ("id", "documento"), ("plate", "matrícula"),
    ("email", "correo"), ("handle", "usuario"), ("link", "enlace"), ("address", "dirección"), ("postcode", "código postal"),
    ("dob", "fecha de nacimiento")])
_put("composer", [
("%1: %2 after the current deadline %3", "%1: %2 después del plazo actual %3"), ("%1, in %2", "%1, dentro de %2"),
("%1, %2 ago: already passed", "%1, hace %2: ya ha vencido"), ("; EARLIER than the current deadline %1", "; ANTERIOR al plazo actual %1"),
])
_put("origins", [("live", "en directo"), ("import", "importada"), ("bundle", "paquete")])
_put("reasons", [
("is required and is empty", "es obligatorio y está vacío"), ("must be a time", "debe ser una hora"), ("needs a time zone", "necesita una zona horaria"),
("is too far in the future; check the date", "está demasiado lejos en el futuro; compruebe la fecha"),
("is not a time this program can store; check the year", "no es una hora que este programa pueda guardar; compruebe el año"),
("is not a time; use ISO 8601 such as 2026-03-14T23:00:00+01:00", "no es una hora; use ISO 8601, p. ej. 2026-03-14T23:00:00+01:00"),
("must be a whole number", "debe ser un número entero"), ("must be an entry number", "debe ser un número de anotación"), ("must be text", "debe ser texto"),
("only a demand has a deadline", "solo una demanda tiene plazo"),
("corrects too many fields at once; amend in several steps", "corrige demasiados campos a la vez; corrija en varios pasos"),
("use letters, digits, '.', '_' or '-' only (e.g. s1, hostage-2)", "use solo letras, cifras, '.', '_' o '-' (p. ej. s1, rehen-2)"),
("use letters, digits, '-', '_' or '.' (e.g. NEG-2026-0142), at most 40", "use letras, cifras, '-', '_' o '.' (p. ej. NEG-2026-0142), 40 como máximo"),
("is required for a %1 entry", "es obligatorio en una anotación de tipo %1"),
("a %1 entry must name the entry it refers to", "una anotación de tipo %1 debe indicar la anotación a la que se refiere"),
("a %1 entry does not refer to another entry", "una anotación de tipo %1 no se refiere a otra anotación"),
])
_put("reasons", [
("is not a time", "no es una hora"),
("is in the future; an entry records what has already happened", "está en el futuro; una anotación recoge lo que ya ha ocurrido"),
("needs a minus sign or 'ago' to mean a time in the past", "necesita un signo menos (o 'ago') para indicar un momento pasado"),
("is more than a week ago; type the full date and time, e.g. 2026-03-14T21:40", "es de hace más de una semana; escriba la fecha y la hora completas, p. ej. 2026-03-14T21:40"),
("has a date but no time of day (e.g. 2026-03-14T21:40)", "tiene fecha pero no hora (p. ej. 2026-03-14T21:40)"),
("is not a date and time (e.g. 2026-03-14T21:40 or 2026-03-14T21:40+01:00)", "no es una fecha y hora (p. ej. 2026-03-14T21:40 o 2026-03-14T21:40+01:00)"),
("is more than a week ahead", "está a más de una semana"), ("is not a deadline", "no es un plazo"),
("type 21:40, -10m or leave empty for now", "escriba 21:40, -10m o déjelo vacío para ahora"),
("type 23:00, +30m or an ISO time", "escriba 23:00, +30m o una hora ISO"),
])
