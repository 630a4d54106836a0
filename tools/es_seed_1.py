"""First Spanish translations of the desktop app (seed for resources/i18n/incident_log_es.ts).

Kept for the record of the session that wrote them; the .ts file is the catalogue from now on
(edit it with pyside6-linguist). Terms: docs/GLOSSARY.md.
"""
ES: dict[tuple[str, str], str] = {}
def _put(ctx: str, pairs: list[tuple[str, str]]) -> None:
    for en, es in pairs:
        ES[(ctx, en)] = es

_put("actions", [
("&New incident…", "&Nuevo incidente…"), ("&Open incident", "&Abrir incidente"),
("Open as &team leader…", "Abrir como &jefe del equipo…"),
("Follow the selected incident in the team leader's window", "Seguir el incidente seleccionado en la ventana del jefe del equipo"),
("&Import scenario…", "&Importar escenario…"), ("Import &bundle…", "Importar &paquete…"), ("&Export bundle…", "&Exportar paquete…"),
("&Refresh", "Actuali&zar"), ("&Record entry", "&Registrar anotación"),
("Write the entry to the log (it is on disk when the composer clears)", "Escribe la anotación en el registro (está en disco cuando el editor se vacía)"),
("&Amend selected entry…", "&Corregir la anotación seleccionada…"), ("&Discard the draft", "&Descartar el borrador"),
("Empty the composer (the only way typed text is thrown away)", "Vacía el editor (la única forma de desechar lo escrito)"),
("Set entry &time", "&Hora de la anotación"),
("Type 21:40, -10m or an ISO time for late information", "Escriba 21:40, -10m o una hora ISO para información tardía"),
("Debrief &report…", "&Informe de revisión…"),
("&Back (cancel amend, leave the search or the detail)", "&Volver (cancela la corrección, sale de la búsqueda o del detalle)"),
("Back to the composer (team leader: to the timeline); cancels an amendment", "Vuelve al editor (jefe del equipo: a la cronología); cancela una corrección"),
("&Next pane", "&Zona siguiente"), ("Timeline, composer, then each open board", "Cronología, editor y después cada panel abierto"),
("&Previous pane", "Zona &anterior"), ("&Hide or show all boards", "&Ocultar o mostrar todos los paneles"),
("The timeline and the composer take the whole window, or the boards come back", "La cronología y el editor ocupan toda la ventana, o vuelven los paneles"),
("Boards in one &column (tabbed)", "Paneles en una &columna (pestañas)"), ("Boards in &two columns", "Paneles en &dos columnas"),
("&Default layout for this screen", "Disposición &predeterminada para esta pantalla"),
("Show the entry in &full", "Ver la anotación &completa"),
("The whole text, fields, amendments and flags (Enter on a row does the same)", "Todo el texto, campos, correcciones y marcas (Intro en una fila hace lo mismo)"),
("&Search the log…", "&Buscar en el registro…"), ("&Jump to entry…", "&Ir a la anotación…"), ("&Follow newest", "&Seguir la más reciente"),
("&Acknowledge the alarm", "&Acusar recibo de la alarma"),
("Silence the alarm shown in the banner; recorded in the log with your callsign", "Silencia la alarma del aviso; queda en el registro con su indicativo"),
("Situation &summary…", "&Resumen de situación…"),
("The position paper for the commander: on screen, printable, with your assessment", "El documento de situación para el mando: en pantalla, imprimible, con su valoración"),
("&Flag entry for debrief…", "&Marcar la anotación para la revisión…"), ("Reviewed &up to here", "Revisado &hasta aquí"),
("&Undo the last board action", "&Deshacer la última acción del panel"),
("Within a few seconds; records an amendment, never deletes", "En pocos segundos; registra una corrección, nunca borra"),
("Open &team leader window", "Abrir la ventana del &jefe del equipo"),
("A read-only window with the boards, for the team leader (their own callsign)", "Una ventana de solo lectura con los paneles, para el jefe del equipo (con su propio indicativo)"),
("Close and &seal incident…", "Cerrar y &sellar el incidente…"), ("Re&open incident…", "Re&abrir el incidente…"),
("&Lock", "&Bloquear"), ("Cover every window until unlocked", "Cubre todas las ventanas hasta desbloquear"),
("&Settings…", "&Preferencias…"), ("&Larger text", "Texto más &grande"), ("&Smaller text", "Texto más &pequeño"),
("&Normal text size", "Tamaño de texto &normal"), ("&Keyboard map", "&Mapa del teclado"), ("&Close window", "&Cerrar ventana"),
("&Quit", "&Salir"), ("&File", "&Archivo"), ("&Incident", "&Incidente"), ("&Entry", "A&notación"), ("&Kind", "&Tipo"),
("&Timeline", "&Cronología"), ("&Review", "&Revisión"), ("&View", "&Ver"), ("&Help", "Ay&uda"),
("Go to %1", "Ir a %1"), ("Compose an entry: %1", "Redactar una anotación: %1"),
("Home", "Inicio"), ("Incident window", "Ventana del incidente"), ("Team leader window", "Ventana del jefe del equipo"),
("Incident and team leader windows", "Ventanas del incidente y del jefe del equipo"), ("Every window", "Todas las ventanas"),
])
_put("boards", [
("Demands & offers", "Demandas y ofrecimientos"), ("Roster", "Equipo"), ("People", "Personas"),
("Hooks, triggers & risks", "Enganches, temas a evitar y riesgos"), ("Incident clock", "Reloj del incidente"),
("Review", "Revisión"), ("Demands", "Demandas"), ("Offers", "Ofrecimientos"),
("Hooks: what to talk about", "Enganches: de qué hablar"), ("Triggers: topics to avoid", "Temas a evitar"),
("Risks", "Riesgos"), ("People register", "Registro de personas"), ("Entries flagged for debrief", "Anotaciones marcadas para la revisión"),
("Roles now", "Funciones ahora"), ("Time on the phone per negotiator", "Tiempo al teléfono por negociador"), ("Entry detail", "Detalle de la anotación"),
])
_put("choices", [
("primary negotiator", "negociador principal"), ("secondary/coach", "negociador secundario / de apoyo"),
("team leader", "jefe del equipo"), ("loggist", "anotador"), ("intelligence", "inteligencia"), ("adviser", "asesor"),
("open", "abierta"), ("met", "cumplida"), ("partly met", "parcial"), ("refused", "rechazada"),
("withdrawn", "retirada"), ("expired", "vencida"), ("made", "hecho"), ("accepted", "aceptado"), ("rejected", "rechazado"),
("delivered", "entregado"), ("phone", "teléfono"), ("face to face", "cara a cara"), ("throw phone", "teléfono lanzable"),
("text", "mensaje de texto"), ("sign language", "lengua de signos"), ("intermediary", "intermediario"),
("attempt", "intento"), ("start", "inicio"), ("end", "fin"), ("lost", "perdido"), ("subject", "sujeto"),
("hostage", "rehén"), ("negotiator", "negociador"), ("family", "familiar"), ("witness", "testigo"), ("commander", "mando"),
("other", "otro"), ("weapon", "arma"), ("self-harm", "autolesión"), ("medical", "médico"), ("reported", "comunicado"),
("rumoured", "rumor"), ("confirmed", "confirmado"), ("cleared", "descartado"), ("barricade", "atrincheramiento"),
("suicide intervention", "intento de suicidio"), ("kidnap", "secuestro"), ("crisis", "crisis"),
("keep", "mantener"), ("redact", "anonimizar"), ("attach", "asignar"), ("default", "por defecto"),
])
_put("docks", [
("Demands", "Demandas"), ("Hooks & risks", "Enganches y riesgos"), ("Entry", "Anotación"), ("Clock", "Reloj"),
("People", "Personas"), ("Roster", "Equipo"), ("Review", "Revisión"),
("Board: %1. Alt and its number raise it; F6 moves between panes.", "Panel: %1. Alt y su número lo traen al frente; F6 pasa de una zona a otra."),
("Show %1", "Mostrar %1"), ("Boards in this stack", "Paneles de esta pila"),
("Left and right arrows choose the board shown in this stack", "Las flechas izquierda y derecha eligen el panel visible de esta pila"),
])
_put("fields", [
("Source", "Fuente"), ("Grading (e.g. B2)", "Valoración (p. ej. B2)"), ("Role", "Función"), ("Person", "Persona"),
("By", "De"), ("Deadline", "Plazo"), ("Import id", "Id. de importación"), ("To", "Para"), ("Conditions", "Condiciones"),
("Status", "Estado"), ("New deadline", "Nuevo plazo"), ("Speaker", "Habla"), ("Channel", "Canal"), ("Event", "Suceso"),
("With", "Con"), ("Decided by", "Decidido por"), ("Rationale", "Motivación"), ("Key", "Clave"), ("Name", "Nombre"),
("Aliases", "Alias"), ("Phones", "Teléfonos"), ("Notes", "Notas"), ("About", "Sobre"), ("Category", "Categoría"),
("Reason", "Motivo"), ("Corrected fields", "Campos corregidos"), ("Upto", "Hasta"), ("Head", "Cabeza"), ("Count", "Número"),
("Ref", "Ref."), ("Title", "Título"), ("Type", "Tipo"), ("Location", "Lugar"), ("Opened at", "Abierto el"),
("Exercise", "Ejercicio"), ("Time zone", "Zona horaria"), ("Ledger head", "Cabeza del registro"), ("Action", "Acción"),
("Value", "Valor"), ("Alarm id", "Id. de alarma"), ("Summary through entry", "Resumen hasta la anotación"),
])
_put("headers", [
("none", "ninguno"), ("Left", "Queda"), ("Status", "Estado"), ("Demand", "Demanda"), ("Deadline", "Plazo"), ("By", "De"),
("Time", "Hora"), ("Offer", "Ofrecimiento"), ("To", "Para"), ("Conditions", "Condiciones"), ("About", "Sobre"),
("Source", "Fuente"), ("Category", "Categoría"), ("Risk", "Riesgo"), ("Label", "Etiqueta"), ("Role", "Función"),
("Name", "Nombre"), ("Aliases", "Alias"), ("Phones", "Teléfonos"), ("Key", "Clave"), ("Entry", "Anotación"),
("Reason", "Motivo"), ("Flagged", "Marcada"), ("Held by", "Ocupada por"), ("Since", "Desde"), ("For", "Durante"),
("Total", "Total"), ("Spells", "Turnos"), ("Negotiator", "Negociador"), ("Ref", "Ref."), ("Title", "Título"),
("Type", "Tipo"), ("Opened", "Abierto"), ("Entries", "Anotaciones"), ("Occurred", "Ocurrió"), ("Recorded", "Registrada"),
("Kind", "Tipo"), ("Author", "Autor"), ("Text", "Texto"),
])
_put("kinds", [
("Intelligence", "Inteligencia"), ("Rotation", "Relevo"), ("Demand", "Demanda"), ("Offer", "Ofrecimiento"),
("Status update", "Nuevo estado"), ("Statement", "Declaración"), ("Contact", "Contacto"), ("Decision", "Decisión"),
("Person", "Persona"), ("Hook", "Enganche"), ("Trigger", "Tema a evitar"), ("Risk", "Riesgo"), ("Note", "Nota"),
("Amendment", "Corrección"), ("Flag for debrief", "A revisar"), ("Reviewed", "Revisado"), ("Sealed", "Sellado"),
("Reopened", "Reabierto"), ("Incident opened", "Incidente abierto"), ("Incident details changed", "Datos del incidente cambiados"),
("Redaction decision", "Decisión de anonimización"), ("Audit", "Auditoría"), ("Alarm acknowledged", "Alarma atendida"),
("Situation assessment", "Valoración de la situación"),
])
