"""Spanish translations, second part (see es_seed_1.py)."""
from es_seed_1 import ES, _put  # noqa: F401

_put("_common", [
("Select an item first (Up and Down arrows), then press its letter.", "Seleccione primero un elemento (flechas arriba y abajo) y pulse su letra."),
("'{key}' does nothing on this board (nothing was typed or recorded). {help} F6 goes to the next pane.", "'{key}' no hace nada en este panel (no se ha escrito ni registrado nada). {help} F6 pasa a la zona siguiente."),
("Here Enter opens the entry; Up and Down move.", "Aquí Intro abre la anotación; arriba y abajo se desplazan."),
("Keyboard hint", "Ayuda de teclado"),
])
_put("alarms", [
("  (+{count} more)", "  (+{count} más)"), ("{key} acknowledges (recorded in the log)", "{key} acusa recibo (queda en el registro)"),
("Alarm", "Alarma"), ("How to acknowledge the alarm", "Cómo acusar recibo de la alarma"),
])
_put("app", [
("Create the vault", "Crear el almacén"),
("No vault yet at %1. Choose the passphrase that protects every incident on this computer. It is the way in when the keyring is not available: keep it where your unit keeps such secrets.",
 "Aún no hay almacén en %1. Elija la frase de contraseña que protege todos los incidentes de este ordenador. Es la forma de entrar cuando el llavero del sistema no está disponible: guárdela donde su unidad guarda estos secretos."),
("Keyring", "Llavero"), ("Your callsign", "Su indicativo"),
("Your name or callsign: it is the author of every entry you record (kept inside the vault).", "Su nombre o indicativo: es el autor de cada anotación que registre (se guarda dentro del almacén)."),
])
_put("clock", [
("Elapsed", "Transcurrido"), ("Elapsed caption", "Rótulo del tiempo transcurrido"), ("Time since the incident opened", "Tiempo desde que se abrió el incidente"),
("Opened at", "Abierto a las"), ("No contact yet", "Aún sin contacto"), ("Time since the last contact", "Tiempo desde el último contacto"),
("Nobody on the phone", "Nadie al teléfono"), ("On the phone", "Al teléfono"), ("Opened %1%2 · %3", "Abierto %1%2 · %3"),
("Duration (sealed)", "Duración (sellado)"), ("In contact (%1) for %2", "En contacto (%1) desde hace %2"), ("Last contact %1 ago", "Último contacto hace %1"),
])
_put("common", [("%1 d %2", "%1 d %2"), ("%1 h %2 min", "%1 h %2 min"), ("%1 min", "%1 min"), ("overdue %1", "vencido %1"), ("%1 left", "quedan %1")])
_put("composer", [
("{ref} was sealed at {time} by {author}: the log is closed and nothing more can be recorded. To add to it, reopen it with a reason (Review › Reopen incident…). What is typed here is kept.",
 "{ref} fue sellado a las {time} por {author}: el registro está cerrado y no se puede registrar nada más. Para añadir algo, reábralo con un motivo (Revisión › Reabrir el incidente…). Lo escrito aquí se conserva."),
("Nothing typed is recorded while the incident is sealed. Reopen it first (Review › Reopen incident…).", "No se registra nada de lo escrito mientras el incidente está sellado. Reábralo antes (Revisión › Reabrir el incidente…)."),
("the new deadline {new} is EARLIER than the current one ({old}). Check it; press {record} again to record it as typed.", "el nuevo plazo {new} es ANTERIOR al actual ({old}). Compruébelo; pulse {record} otra vez para registrarlo tal como está."),
("Entry composer", "Editor de anotaciones"), ("Incident sealed", "Incidente sellado"), ("Current entry kind", "Tipo de anotación actual"),
("kind", "tipo"), ("Entry kind", "Tipo de anotación"),
("The kind of entry: type its name or use Ctrl+Shift+its letter", "El tipo de anotación: escriba su nombre o use Ctrl+Mayús+su letra"),
("&Time", "&Hora"), ("Entry time", "Hora de la anotación"), ("now · 21:40 · -10m", "ahora · 21:40 · -10m"),
("When it happened. Empty: when you started typing. Type 21:40, -10m or an ISO time for late information.", "Cuándo ocurrió. Vacío: cuando empezó a escribir. Escriba 21:40, -10m o una hora ISO para información tardía."),
("Entry time as recorded", "Hora de la anotación tal como se registrará"), ("Late &because", "Tardía &porque"),
("Reason the entry is recorded late", "Motivo por el que la anotación se registra tarde"),
("e.g. information received late from control", "p. ej. información recibida tarde de la sala"),
("Reason for the &amendment", "Motivo de la &corrección"), ("Reason for the amendment", "Motivo de la corrección"),
("required: why the entry is corrected", "obligatorio: por qué se corrige la anotación"), ("What the typed deadline means", "Qué significa el plazo escrito"),
("Entry text", "Texto de la anotación"), ("Type what happened. Ctrl+Enter records.", "Escriba lo ocurrido. Ctrl+Intro registra."),
("Composer error", "Error del editor"), ("Composer notice", "Aviso del editor"), ("Keyboard hints", "Ayuda de teclado"),
("%1 record · %2 time · %3 amend · F6 next pane · %4 all keys · Kinds (Ctrl+Shift+…): %5", "%1 registrar · %2 hora · %3 corregir · F6 zona siguiente · %4 todas las teclas · Tipos (Ctrl+Mayús+…): %5"),
("%1: type what happened. %2 records.", "%1: escriba lo ocurrido. %2 registra."), (" (Text optional.)", " (Texto opcional.)"),
("Entry #", "Anotación n.º"), ("Entry number this refers to", "Número de la anotación a la que se refiere"),
("amendment: recorded now", "corrección: se registra ahora"), ("typed", "escrita"), ("started typing", "al empezar a escribir"), ("now", "ahora"),
("%1 min ago: LATE, say why below", "hace %1 min: TARDÍA, diga por qué abajo"), ("Deadline: ", "Plazo: "),
("'%1' is not an entry number", "'%1' no es un número de anotación"),
("set your name or callsign first (File › Settings); entries need an author", "indique antes su nombre o indicativo (Archivo › Preferencias); las anotaciones necesitan autor"),
("Recorded #%1 at %2", "Registrada la n.º %1 a las %2"), ("say why the entry is amended; the original stays in the log", "diga por qué se corrige la anotación; la original sigue en el registro"),
("Author", "Autor"), ("Text", "Texto"), ("Late because", "Tardía porque"), ("Time", "Hora"), ("Reason", "Motivo"),
("Paste refused: it is %1 characters and an entry holds at most %2. Nothing was pasted; split it into several entries.", "Pegado rechazado: son %1 caracteres y una anotación admite como máximo %2. No se ha pegado nada; divídalo en varias anotaciones."),
("a %1 entry cannot be amended", "una anotación de tipo %1 no se puede corregir"),
("Amending #%1 (%2). The original stays in the log, struck through beside your correction. A reason is required. %3 cancels.", "Corrigiendo la n.º %1 (%2). La original sigue en el registro, tachada junto a su corrección. Hace falta un motivo. %3 cancela."),
("Draft not saved: ", "Borrador no guardado: "), ("earlier", "antes"),
("Restored an unsent draft saved at %1: the program closed before it was recorded. Check it, then %2 to record it.", "Recuperado un borrador no enviado guardado a las %1: el programa se cerró antes de registrarlo. Revíselo y pulse %2 para registrarlo."),
])
_put("composer_fields", [
("name, alias, label or key", "nombre, alias, etiqueta o clave"),
("'%1' matches %2 people: %3. Type more of the name, or the key.", "'%1' coincide con %2 personas: %3. Escriba más del nombre, o la clave."),
("no one registered matches '%1'. Type a key, name, alias or label (Alt+Down lists everyone), or register the person first (Ctrl+Shift+P).", "nadie registrado coincide con '%1'. Escriba una clave, nombre, alias o etiqueta (Alt+Abajo los muestra todos), o registre antes a la persona (Ctrl+Mayús+P)."),
("type or Alt+Down", "escriba o Alt+Abajo"), ("'%1' could be %2. Type a few more letters.", "'%1' puede ser %2. Escriba unas letras más."),
("'%1' is not one of: %2. Type one of them or its first letters (Alt+Down lists them).", "'%1' no es ninguno de: %2. Escriba uno de ellos o sus primeras letras (Alt+Abajo los muestra)."),
("23:00, +30m or ISO", "23:00, +30m o ISO"), ("comma-separated", "separados por comas"), ("number", "número"), ("required", "obligatorio"), ("%1 (required)", "%1 (obligatorio)"),
])
_put("controller", [
("Close and seal {ref}? Nothing more can be recorded until it is reopened with a reason. The seal records the entry count and head hash in the log.", "¿Cerrar y sellar {ref}? No se podrá registrar nada más hasta reabrirlo con un motivo. El sellado deja en el registro el número de anotaciones y el hash de cabeza."),
("Why is {ref} reopened? (recorded in the log)", "¿Por qué se reabre {ref}? (queda en el registro)"),
("Undone within seconds: the board key was pressed by mistake (previous status {previous})", "Deshecho en segundos: la tecla del panel se pulsó por error (estado anterior {previous})"),
("Recorded #{seq}: {kind} #{target} → {status}", "Registrada la n.º {seq}: {kind} n.º {target} → {status}"),
("select the entry to amend in the timeline first (Shift+F6 goes there)", "seleccione antes en la cronología la anotación que quiere corregir (Mayús+F6 va allí)"),
("Discard the draft", "Descartar el borrador"), ("Throw away everything typed in the composer?", "¿Desechar todo lo escrito en el editor?"),
("Discard", "Descartar"), ("Nothing typed is recorded while the incident is sealed.", "No se registra nada de lo escrito mientras el incidente está sellado."),
("Close and seal", "Cerrar y sellar"), ("Seal the incident", "Sellar el incidente"), ("Reopen", "Reabrir"),
])
_put("demands", [
("Demand keys: M met · P partly met · R refused · W withdrawn · X expired · O reopen · Enter show entry", "Teclas de demandas: M cumplida · P parcial · R rechazada · W retirada · X vencida · O reabrir · Intro ver la anotación"),
("Offer keys: A accepted · J rejected · D delivered · W withdrawn · Enter show entry", "Teclas de ofrecimientos: A aceptado · J rechazado · D entregado · W retirado · Intro ver la anotación"),
("%1 · restated %2×", "%1 · reiterado %2×"), ("\nDeadline restated %1 time(s)", "\nPlazo reiterado %1 vez/veces"),
("Accepted by the subject and not yet delivered: the cell owes this.", "Aceptado por el sujeto y aún no entregado: el equipo lo debe."),
("Demands", "Demandas"), ("Offers", "Ofrecimientos"), ("Demands · %1 open of %2", "Demandas · %1 abiertas de %2"),
("Offers · %1 owed", "Ofrecimientos · %1 pendientes"), (" of %1", " de %1"),
])
_put("detail", [
("Select an entry in the timeline and press Enter to read it here in full.", "Seleccione una anotación en la cronología y pulse Intro para leerla aquí completa."),
("Entry in full", "Anotación completa"),
("The whole entry: text, fields, times, amendments and flags. Arrow keys scroll; Esc returns to the timeline.", "La anotación entera: texto, campos, horas, correcciones y marcas. Las flechas desplazan; Esc vuelve a la cronología."),
])
_put("dialogs", [
("Type the minutes before a deadline as numbers separated by commas, e.g. 10, 2 (or leave it empty).", "Escriba los minutos antes de un plazo como números separados por comas, p. ej. 10, 2 (o déjelo vacío)."),
("Settings", "Preferencias"), ("Your name or callsign", "Su nombre o indicativo"), ("the author of your entries, e.g. Loggist 1", "el autor de sus anotaciones, p. ej. Anotador 1"),
("Your &name or callsign", "Su &nombre o indicativo"), ("Font size", "Tamaño de letra"), ("&Font size", "&Tamaño de letra"), ("Theme", "Tema"),
("Light for day, dark for a lit room at night, night for a dark room", "Claro para el día, oscuro para una sala iluminada de noche, noche para una sala a oscuras"),
("&Theme", "T&ema"), ("Follow the system", "Como el sistema"), ("On", "Sí"), ("Off", "No"), ("High contrast", "Alto contraste"),
("Plain colours and thick borders; follows the desktop's setting where the system reports it", "Colores planos y bordes gruesos; sigue el ajuste del escritorio cuando el sistema lo indica"),
("&High contrast", "&Alto contraste"), ("Lock after idle minutes", "Bloquear tras minutos de inactividad"),
("Every window is covered after this long without a key or mouse; 0 never", "Todas las ventanas se cubren tras este tiempo sin teclado ni ratón; 0 nunca"),
("never", "nunca"), (" min", " min"), ("&Lock when idle for", "&Bloquear si inactivo durante"),
("Deadline alarms, minutes before", "Alarmas de plazo, minutos antes"), ("Minutes before a deadline that raise an alarm, e.g. 10, 2", "Minutos antes de un plazo que disparan una alarma, p. ej. 10, 2"),
("e.g. 10, 2", "p. ej. 10, 2"), ("&Deadline alarms (minutes before)", "Alarmas de &plazo (minutos antes)"),
("No contact alarm after minutes", "Alarma sin contacto tras minutos"), ("An alarm when there has been no contact for this long; 0 never", "Una alarma cuando no ha habido contacto durante este tiempo; 0 nunca"),
("&No contact alarm after", "Alarma &sin contacto tras"), ("&Sound with each new alarm", "&Sonido con cada alarma nueva"),
("Sound with each new alarm", "Sonido con cada alarma nueva"), ("The system bell rings when an alarm is raised", "Suena el timbre del sistema cuando salta una alarma"),
("Show times in &UTC (otherwise local time)", "Horas en &UTC (si no, hora local)"), ("Show times in UTC", "Horas en UTC"),
("Every time shown and typed is in UTC instead of this computer's time", "Todas las horas mostradas y escritas van en UTC en lugar de la hora de este ordenador"),
("Language", "Idioma"), ("English or Spanish; windows opened after the change use it", "Inglés o español; lo usan las ventanas que se abran después del cambio"),
("Lan&guage", "&Idioma"), ("Entries need an author: type your name or callsign.", "Las anotaciones necesitan autor: escriba su nombre o indicativo."),
("Keyboard map", "Mapa del teclado"), ("Where", "Dónde"), ("Command", "Orden"), ("Keys", "Teclas"), ("New incident", "Nuevo incidente"),
("Incident title", "Título del incidente"), ("&Title", "&Título"), ("Incident type", "Tipo de incidente"),
("Hostage, barricade, suicide intervention, kidnap, crisis or other", "Rehenes, atrincheramiento, intento de suicidio, secuestro, crisis u otro"),
("T&ype", "Ti&po"), ("Location", "Lugar"), ("&Location", "&Lugar"), ("Reference (optional)", "Referencia (opcional)"),
("automatic, e.g. NEG-2026-0001", "automática, p. ej. NEG-2026-0001"), ("&Reference", "&Referencia"),
("E&xercise (training: every page says EXERCISE)", "E&jercicio (formación: cada página dice EJERCICIO)"), ("Exercise", "Ejercicio"),
("Give the incident a title (what and where, e.g. 'Man on the viaduct').", "Dé un título al incidente (qué y dónde, p. ej. 'Hombre en el viaducto')."),
("Choose the incident type (Alt+Down lists them).", "Elija el tipo de incidente (Alt+Abajo los muestra)."),
])
_put("home", [
(" [EXERCISE]", " [EJERCICIO]"), ("Incident Log — %1", "Registro de Incidentes — %1"), ("Incidents in this vault", "Incidentes de este almacén"),
("Incidents", "Incidentes"), ("Vault unlocked with %1", "Caja fuerte desbloqueada con %1"), ("Import a scenario", "Importar un escenario"),
("Scenario (*.json)", "Escenario (*.json)"), ("%1 could not be read as a scenario (%2). Nothing was imported.", "%1 no se ha podido leer como escenario (%2). No se ha importado nada."),
("Imported %1 (%2 entries)", "Importado %1 (%2 anotaciones)"), ("Import a bundle", "Importar un paquete"),
("Incident bundle (*.bundle *.ilb);;All (*)", "Paquete de incidente (*.bundle *.ilb);;Todos (*)"), ("Bundle passphrase", "Frase de contraseña del paquete"),
("The passphrase the bundle was exported with", "La frase de contraseña con la que se exportó el paquete"), ("Imported %1", "Importado %1"),
("Select the incident to export first.", "Seleccione antes el incidente que quiere exportar."), ("Export a bundle", "Exportar un paquete"),
("Incident bundle (*.bundle)", "Paquete de incidente (*.bundle)"),
("The bundle is encrypted with its own passphrase. Give it to the receiving cell by another channel than the file.", "El paquete va cifrado con su propia frase de contraseña. Comuníquela al equipo que lo recibe por otro canal distinto del archivo."),
("Exported %1 to %2", "Exportado %1 a %2"),
])
_put("incident_window", [("Incident window", "Ventana del incidente")])
_put("leader_window", [
("team leader ({callsign}) — Incident Log", "jefe del equipo ({callsign}) — Registro de Incidentes"),
("Status updates and people are recorded by the loggist in the incident window; this window records flags, reviews and alarm acknowledgements only.", "Los cambios de estado y las personas los registra el anotador en la ventana del incidente; esta ventana solo registra marcas, revisiones y acuses de alarma."),
("Read-only here: the loggist records status updates · Enter shows the entry in full", "Solo lectura aquí: el anotador registra los cambios de estado · Intro muestra la anotación completa"),
("Not reviewed yet · {entries}", "Aún sin revisar · {entries}"),
("Reviewed up to #{upto} at {time} by {who} · {new} new since (tinted blue) · {entries}", "Revisado hasta la n.º {upto} a las {time} por {who} · {new} nuevas desde entonces (en azul) · {entries}"),
("New entry {seq}, {kind}, by {author}: {text}", "Nueva anotación {seq}, {kind}, de {author}: {text}"),
("Team leader window", "Ventana del jefe del equipo"), ("Review status", "Estado de la revisión"),
("This window is read-only: typing here records nothing. Entries are typed in the loggist's incident window; here Ctrl+B flags and Ctrl+Alt+R marks reviewed.", "Esta ventana es de solo lectura: lo que se escribe aquí no se registra. Las anotaciones se escriben en la ventana del incidente del anotador; aquí Ctrl+B marca y Ctrl+Alt+R da por revisado."),
])
_put("lock", [
("Locked", "Bloqueado"), ("Incident Log is locked", "El Registro de Incidentes está bloqueado"),
("Your unsent entry is kept. Type the vault passphrase to continue.", "Su anotación sin enviar se conserva. Escriba la frase de contraseña del almacén para continuar."),
("Vault passphrase", "Frase de contraseña del almacén"), ("&Unlock", "&Desbloquear"), ("Unlock", "Desbloquear"),
("Unlock with &keyring", "Desbloquear con el &llavero"), ("Unlock with the system keyring", "Desbloquear con el llavero del sistema"),
("Wrong passphrase. Check the keyboard layout and Caps Lock.", "Frase de contraseña incorrecta. Compruebe la distribución del teclado y Bloq Mayús."),
])
_put("notes", [
("Hook: talk about", "Enganche: hablar de"), ("Trigger: avoid", "Tema a evitar"), ("Hooks", "Enganches"), ("Triggers", "Temas a evitar"), ("Risks", "Riesgos"),
("Hooks · talk about (%1)", "Enganches · de qué hablar (%1)"), ("Triggers · avoid these topics (%1)", "Temas a evitar (%1)"),
("Risks · %1 live", "Riesgos · %1 vigentes"), (", %1 CONFIRMED weapon/self-harm", ", %1 arma/autolesión CONFIRMADA"),
])
_put("people", [
("Type the person's name (or a description such as 'unknown male, 40s').", "Escriba el nombre de la persona (o una descripción como 'varón desconocido, unos 40')."),
("The key {key} is already used by {label}. Choose another key.", "La clave {key} ya la usa {label}. Elija otra clave."),
("Type the person's role (subject, hostage, negotiator …) or choose it with Alt+Down.", "Escriba el papel de la persona (sujeto, rehén, negociador…) o elíjalo con Alt+Abajo."),
("A key is a short word of lower-case letters and digits starting with a letter, e.g. s2.", "Una clave es una palabra corta de minúsculas y cifras que empieza por letra, p. ej. s2."),
("Add person", "Añadir persona"), ("Role", "Papel"), ("Name", "Nombre"), ("Full name, or a description", "Nombre completo o una descripción"),
("Key", "Clave"), ("Short key used in the log and the composer, e.g. s2", "Clave corta que se usa en el registro y el editor, p. ej. s2"),
("Aliases", "Alias"), ("Comma-separated", "Separados por comas"), ("Phones", "Teléfonos"), ("Notes", "Notas"), ("Problem", "Problema"),
("&Role", "&Papel"), ("&Name", "&Nombre"), ("&Key", "&Clave"), ("&Aliases", "&Alias"), ("&Phones", "&Teléfonos"), ("N&otes", "N&otas"),
("Add", "Añadir"), ("Cancel", "Cancelar"), ("Add person…", "Añadir persona…"), ("Add person (Insert)", "Añadir persona (Insert)"),
("Number of people", "Número de personas"), ("{n} person registered", "{n} persona registrada"), ("{n} people registered", "{n} personas registradas"),
])
_put("prompts", [
("Incident Log", "Registro de Incidentes"), ("Error", "Error"), ("This cannot be empty.", "Esto no puede quedar vacío."),
("Your callsign as team leader. Flags, reviews and alarm acknowledgements made in this window are recorded under it, so the log shows who reviewed.", "Su indicativo como jefe del equipo. Las marcas, revisiones y acuses de alarma de esta ventana se registran con él, para que el registro muestre quién revisó."),
("A callsign is at most {limit} characters ({count} typed): it is printed beside every entry.", "Un indicativo tiene como máximo {limit} caracteres (ha escrito {count}): se imprime junto a cada anotación."),
("'{callsign}' is the loggist's callsign on this vault. The team leader records under their own, so the debrief can tell who did what: type yours.", "'{callsign}' es el indicativo del anotador en este almacén. El jefe del equipo registra con el suyo, para que la revisión distinga quién hizo qué: escriba el suyo."),
("Team leader", "Jefe del equipo"), ("Use a few unrelated words: easy to type at night, hard to guess.", "Use unas cuantas palabras sin relación: fáciles de escribir de noche, difíciles de adivinar."),
("Too short (%1 characters): at least 8 are required; 16 or more is better.", "Demasiado corta (%1 caracteres): hacen falta al menos 8; mejor 16 o más."),
("Acceptable, but weak: add another word or two.", "Aceptable, pero débil: añada una o dos palabras más."),
("Good. Four or more words would be strong.", "Buena. Con cuatro palabras o más sería fuerte."), ("Strong.", "Fuerte."),
("&Passphrase", "&Frase de contraseña"), ("New passphrase", "Nueva frase de contraseña"), ("Passphrase strength", "Solidez de la frase de contraseña"),
("&Again", "&Repetir"), ("Passphrase again", "Repetir la frase de contraseña"),
("&Remember the key in this computer's keyring (unlock without typing)", "&Recordar la clave en el llavero de este ordenador (desbloquear sin escribir)"),
("Remember the key in the system keyring", "Recordar la clave en el llavero del sistema"),
("The two passphrases differ. Type them again.", "Las dos frases de contraseña no coinciden. Escríbalas otra vez."), ("Unlock the vault", "Desbloquear el almacén"),
])
_put("report_dialog", [
("Redacted copy (people by label; checked for leaks before it is written)", "Copia anonimizada (personas por etiqueta; se comprueban fugas antes de escribirla)"),
("Unredacted copy — RESTRICTED (needs a reason; recorded in the log)", "Copia sin anonimizar — RESERVADA (necesita motivo; queda en el registro)"),
("Copy:", "Copia:"), ("Why an unredacted copy is needed (recorded with your name and the time)", "Por qué hace falta una copia sin anonimizar (queda registrado con su nombre y la hora)"),
("Reason:", "Motivo:"), ("I confirm this copy names the people involved and will be recorded in the log", "Confirmo que esta copia nombra a las personas implicadas y que quedará en el registro"),
("Marking:", "Clasificación:"), ("Browse…", "Examinar…"), ("Save as:", "Guardar como:"),
("Redaction review — every finding and what the copy prints. Keys: K keep, R redact, A attach to the person chosen below, D default. Each decision is recorded in the log.", "Revisión de la anonimización — cada hallazgo y lo que imprime la copia. Teclas: K mantener, R anonimizar, A asignar a la persona elegida abajo, D por defecto. Cada decisión queda en el registro."),
("Make report", "Hacer el informe"), ("Reading the log for the redaction review…", "Leyendo el registro para la revisión de la anonimización…"),
("Choose the person to attach it to first (the list beside the buttons).", "Elija antes la persona a la que asignarlo (la lista junto a los botones)."),
("Save the report as", "Guardar el informe como"), ("PDF (*.pdf)", "PDF (*.pdf)"),
("Making the report (reading the log and checking the chain first)…", "Haciendo el informe (primero se lee el registro y se comprueba la cadena)…"),
])
_put("review", [
("Not yet reviewed", "Aún sin revisar"), ("Not reviewed yet", "Aún sin revisar"), ("Reviewed up to #%1 at %2%3", "Revisado hasta la n.º %1 a las %2%3"),
("Reviewed up to #%1", "Revisado hasta la n.º %1"), ("Reviewed up to", "Revisado hasta"),
])
_put("roster", [
("On the phone {time} · {who}", "Al teléfono {time} · {who}"), ("On the phone: {who}", "Al teléfono: {who}"),
("Nobody on the phone", "Nadie al teléfono"), ("On the phone", "Al teléfono"), ("Roles now", "Funciones ahora"), ("Time on the phone", "Tiempo al teléfono"),
])
_put("summary_dialog", [
("Situation summary — {ref}", "Resumen de situación — {ref}"),
("The summary could not be made (internal error: {kind}). Nothing was written.", "No se ha podido hacer el resumen (error interno: {kind}). No se ha escrito nada."),
("Assessment recorded as entry #{seq}.", "Valoración registrada como anotación n.º {seq}."),
("Written: {path} ({pages} page(s), {copy}).", "Escrito: {path} ({pages} página(s), {copy})."),
("Type the assessment and recommendations first; nothing was recorded.", "Escriba antes la valoración y las recomendaciones; no se ha registrado nada."),
("An unredacted summary needs a reason (it is recorded in the log with your callsign).", "Un resumen sin anonimizar necesita un motivo (queda en el registro con su indicativo)."),
("Making the PDF…", "Haciendo el PDF…"), ("Situation summary", "Resumen de situación"),
("The position now: phone, demands, offers owed, contact, risks, hooks, triggers and decisions. Arrow keys scroll.", "La situación ahora: teléfono, demandas, ofrecimientos pendientes, contacto, riesgos, enganches, temas a evitar y decisiones. Las flechas desplazan."),
("&Assessment and recommendations (recorded in the log):", "&Valoración y recomendaciones (quedan en el registro):"),
("Assessment and recommendations", "Valoración y recomendaciones"),
("Your reading of the situation and what you recommend; Ctrl+Return records it as an entry", "Su lectura de la situación y lo que recomienda; Ctrl+Intro lo registra como anotación"),
("&Redacted copy (people by label)", "Copia &anonimizada (personas por etiqueta)"), ("Redacted copy", "Copia anonimizada"),
("People appear by their labels; checked for leaks before it is written", "Las personas aparecen por su etiqueta; se comprueban fugas antes de escribirla"),
("&Unredacted copy — RESTRICTED (needs a reason, recorded)", "Copia &sin anonimizar — RESERVADA (necesita motivo, queda registrada)"),
("Unredacted copy", "Copia sin anonimizar"), ("Names appear in full; the reason is recorded in the log", "Los nombres aparecen completos; el motivo queda en el registro"),
("Reason for an unredacted copy", "Motivo de una copia sin anonimizar"), ("Why names are needed (recorded with your callsign and the time)", "Por qué hacen falta los nombres (queda registrado con su indicativo y la hora)"),
("Reas&on", "M&otivo"), ("Save the PDF as", "Guardar el PDF como"), ("The file the PDF is written to", "El archivo en el que se escribe el PDF"),
("Save &as", "Guardar &como"), ("Summary status", "Estado del resumen"), ("Record assessment (Ctrl+Return)", "Registrar la valoración (Ctrl+Intro)"),
("Record the assessment", "Registrar la valoración"), ("Writes the assessment to the log as an entry", "Escribe la valoración en el registro como anotación"),
("Save PDF (Ctrl+S)", "Guardar PDF (Ctrl+S)"), ("Save the PDF", "Guardar el PDF"),
("Records the assessment if it is new, then writes the PDF", "Registra la valoración si es nueva y después escribe el PDF"),
("Close", "Cerrar"), ("Close the summary; what is recorded stays in the log", "Cierra el resumen; lo registrado sigue en el registro"),
])
_put("timefmt", [("today", "hoy"), ("tomorrow", "mañana"), ("yesterday", "ayer")])
_put("timeline_view", [
("All kinds", "Todos los tipos"), ("Incident timeline", "Cronología del incidente"), ("Show kind", "Mostrar tipo"),
("Type a kind (or Alt+Down) to show only entries of that kind", "Escriba un tipo (o Alt+Abajo) para ver solo las anotaciones de ese tipo"),
("Show entries about person", "Mostrar anotaciones sobre la persona"), ("Type a name, alias or label to show only entries about them", "Escriba un nombre, alias o etiqueta para ver solo las anotaciones sobre esa persona"),
("Search the log", "Buscar en el registro"), ("Jump to entry number", "Ir al número de anotación"), ("Follow the newest entry", "Seguir la anotación más reciente"),
("Following newest", "Siguiendo la más reciente"), ("Entries shown", "Anotaciones mostradas"),
])
_put("undo", [
("{what}  ·  {key} undoes it ({seconds} s)", "{what}  ·  {key} lo deshace ({seconds} s)"),
("Undone: {what} (an amendment records the correction)", "Deshecho: {what} (una corrección lo deja en el registro)"),
("Nothing to undo: Ctrl+Z undoes a board action for {seconds} s after it; amend the entry instead (Ctrl+M).", "Nada que deshacer: Ctrl+Z deshace una acción del panel durante {seconds} s; corrija la anotación en su lugar (Ctrl+M)."),
("Last action", "Última acción"), ("Last action and how to undo it", "Última acción y cómo deshacerla"),
])
_put("viewer", [
("reviewed up to #{upto} at {time}", "revisado hasta la n.º {upto} a las {time}"), ("Reviewed up to #{upto}", "Revisado hasta la n.º {upto}"),
("Why should entry #{seq} be discussed at the debrief?", "¿Por qué debe tratarse la anotación n.º {seq} en la revisión?"),
("SEALED at {time}: nothing more can be recorded until it is reopened with a reason", "SELLADO a las {time}: no se puede registrar nada más hasta reabrirlo con un motivo"),
("Reviewed up to #{upto} (the first review: record a later one to move the mark)", "Revisado hasta la n.º {upto} (la primera revisión: registre una posterior para mover la marca)"),
("Incident status", "Estado del incidente"), ("Author and vault", "Autor y almacén"), ("That board is not part of this window.", "Ese panel no forma parte de esta ventana."),
("Select an entry in the timeline first (Shift+F6 goes there).", "Seleccione antes una anotación en la cronología (Mayús+F6 va allí)."),
("Typing does nothing in the timeline of this window: nothing was recorded. F6 moves between panes.", "Escribir en la cronología de esta ventana no hace nada: no se ha registrado nada. F6 pasa de una zona a otra."),
("Select the entry to flag in the timeline first.", "Seleccione antes en la cronología la anotación que quiere marcar."),
("Flag for debrief", "Marcar para la revisión"), ("No alarm to acknowledge.", "No hay alarma de la que acusar recibo."),
])
