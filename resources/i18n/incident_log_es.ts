<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>_common</name>
    <message>
        <source>Select an item first (Up and Down arrows), then press its letter.</source>
        <translation>Seleccione primero un elemento (flechas arriba y abajo) y pulse su letra.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; does nothing on this board (nothing was typed or recorded). {help} F6 goes to the next pane.</source>
        <translation>&apos;{key}&apos; no hace nada en este panel (no se ha escrito ni registrado nada). {help} F6 pasa a la zona siguiente.</translation>
    </message>
    <message>
        <source>Here Enter opens the entry; Up and Down move.</source>
        <translation>Aquí Intro abre la anotación; arriba y abajo se desplazan.</translation>
    </message>
    <message>
        <source>Keyboard hint</source>
        <translation>Ayuda de teclado</translation>
    </message>
</context>
<context>
    <name>a11y</name>
    <message>
        <source>Button</source>
        <translation>Botón</translation>
    </message>
    <message>
        <source>Choice: type it or press Alt+Down for the list</source>
        <translation>Opción: escríbala o pulse Alt+Abajo para ver la lista</translation>
    </message>
    <message>
        <source>Text field</source>
        <translation>Campo de texto</translation>
    </message>
    <message>
        <source>Text area</source>
        <translation>Área de texto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Number: Up and Down change it</source>
        <translation>Número: arriba y abajo lo cambian</translation>
    </message>
    <message>
        <source>List: Up and Down move, Enter opens</source>
        <translation>Lista: arriba y abajo se desplazan, Intro abre</translation>
    </message>
    <message>
        <source>Tabs: Left and Right choose</source>
        <translation>Pestañas: izquierda y derecha eligen</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nuevo incidente…</translation>
    </message>
    <message>
        <source>&amp;Open incident</source>
        <translation>&amp;Abrir incidente</translation>
    </message>
    <message>
        <source>Open as &amp;team leader…</source>
        <translation>Abrir como &amp;jefe del equipo…</translation>
    </message>
    <message>
        <source>Follow the selected incident in the team leader&apos;s window</source>
        <translation>Seguir el incidente seleccionado en la ventana del jefe del equipo</translation>
    </message>
    <message>
        <source>&amp;Import scenario…</source>
        <translation>&amp;Importar escenario…</translation>
    </message>
    <message>
        <source>Import &amp;bundle…</source>
        <translation>Importar &amp;paquete…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Exportar paquete…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>C&amp;ell connection…</source>
        <translation>Conexión con la c&amp;élula…</translation>
    </message>
    <message>
        <source>Connect this workstation to a cell server, or work on this computer only</source>
        <translation>Conectar este puesto con el servidor de una célula, o trabajar solo en este equipo</translation>
    </message>
    <message>
        <source>&amp;Record entry</source>
        <translation>&amp;Registrar anotación</translation>
    </message>
    <message>
        <source>Write the entry to the log (it is on disk when the composer clears)</source>
        <translation>Escribe la anotación en el registro (está en disco cuando el editor se vacía)</translation>
    </message>
    <message>
        <source>&amp;Amend selected entry…</source>
        <translation>&amp;Corregir la anotación seleccionada…</translation>
    </message>
    <message>
        <source>&amp;Discard the draft</source>
        <translation>&amp;Descartar el borrador</translation>
    </message>
    <message>
        <source>Empty the composer (the only way typed text is thrown away)</source>
        <translation>Vacía el editor (la única forma de desechar lo escrito)</translation>
    </message>
    <message>
        <source>Set entry &amp;time</source>
        <translation>&amp;Hora de la anotación</translation>
    </message>
    <message>
        <source>Type 21:40, -10m or an ISO time for late information</source>
        <translation>Escriba 21:40, -10m o una hora ISO para información tardía</translation>
    </message>
    <message>
        <source>Debrief &amp;report…</source>
        <translation>&amp;Informe de revisión…</translation>
    </message>
    <message>
        <source>&amp;Back (cancel amend, leave the search or the detail)</source>
        <translation>&amp;Volver (cancela la corrección, sale de la búsqueda o del detalle)</translation>
    </message>
    <message>
        <source>Back to the composer (team leader: to the timeline); cancels an amendment</source>
        <translation>Vuelve al editor (jefe del equipo: a la cronología); cancela una corrección</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>&amp;Zona siguiente</translation>
    </message>
    <message>
        <source>Timeline, composer, then each open board</source>
        <translation>Cronología, editor y después cada panel abierto</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>Zona &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Hide or show all boards</source>
        <translation>&amp;Ocultar o mostrar todos los paneles</translation>
    </message>
    <message>
        <source>The timeline and the composer take the whole window, or the boards come back</source>
        <translation>La cronología y el editor ocupan toda la ventana, o vuelven los paneles</translation>
    </message>
    <message>
        <source>Boards in one &amp;column (tabbed)</source>
        <translation>Paneles en una &amp;columna (pestañas)</translation>
    </message>
    <message>
        <source>Boards in &amp;two columns</source>
        <translation>Paneles en &amp;dos columnas</translation>
    </message>
    <message>
        <source>&amp;Default layout for this screen</source>
        <translation>Disposición &amp;predeterminada para esta pantalla</translation>
    </message>
    <message>
        <source>Show the entry in &amp;full</source>
        <translation>Ver la anotación &amp;completa</translation>
    </message>
    <message>
        <source>The whole text, fields, amendments and flags (Enter on a row does the same)</source>
        <translation>Todo el texto, campos, correcciones y marcas (Intro en una fila hace lo mismo)</translation>
    </message>
    <message>
        <source>&amp;Search the log…</source>
        <translation>&amp;Buscar en el registro…</translation>
    </message>
    <message>
        <source>&amp;Jump to entry…</source>
        <translation>&amp;Ir a la anotación…</translation>
    </message>
    <message>
        <source>&amp;Follow newest</source>
        <translation>&amp;Seguir la más reciente</translation>
    </message>
    <message>
        <source>&amp;Acknowledge the alarm</source>
        <translation>&amp;Acusar recibo de la alarma</translation>
    </message>
    <message>
        <source>Silence the alarm shown in the banner; recorded in the log with your callsign</source>
        <translation>Silencia la alarma del aviso; queda en el registro con su indicativo</translation>
    </message>
    <message>
        <source>Situation &amp;summary…</source>
        <translation>&amp;Resumen de situación…</translation>
    </message>
    <message>
        <source>The position paper for the commander: on screen, printable, with your assessment</source>
        <translation>El documento de situación para el mando: en pantalla, imprimible, con su valoración</translation>
    </message>
    <message>
        <source>&amp;Flag entry for debrief…</source>
        <translation>&amp;Marcar la anotación para la revisión…</translation>
    </message>
    <message>
        <source>Reviewed &amp;up to here</source>
        <translation>Revisado &amp;hasta aquí</translation>
    </message>
    <message>
        <source>&amp;Undo the last board action</source>
        <translation>&amp;Deshacer la última acción del panel</translation>
    </message>
    <message>
        <source>Within a few seconds; records an amendment, never deletes</source>
        <translation>En pocos segundos; registra una corrección, nunca borra</translation>
    </message>
    <message>
        <source>Open &amp;team leader window</source>
        <translation>Abrir la ventana del &amp;jefe del equipo</translation>
    </message>
    <message>
        <source>A read-only window with the boards, for the team leader (their own callsign)</source>
        <translation>Una ventana de solo lectura con los paneles, para el jefe del equipo (con su propio indicativo)</translation>
    </message>
    <message>
        <source>Close and &amp;seal incident…</source>
        <translation>Cerrar y &amp;sellar el incidente…</translation>
    </message>
    <message>
        <source>Re&amp;open incident…</source>
        <translation>Re&amp;abrir el incidente…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Cover every window until unlocked</source>
        <translation>Cubre todas las ventanas hasta desbloquear</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <source>&amp;Keyboard map</source>
        <translation>&amp;Mapa del teclado</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Incidente</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>A&amp;notación</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Cronología</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <source>Compose an entry: %1</source>
        <translation>Redactar una anotación: %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Incident window</source>
        <translation>Ventana del incidente</translation>
    </message>
    <message>
        <source>Team leader window</source>
        <translation>Ventana del jefe del equipo</translation>
    </message>
    <message>
        <source>Incident and team leader windows</source>
        <translation>Ventanas del incidente y del jefe del equipo</translation>
    </message>
    <message>
        <source>Every window</source>
        <translation>Todas las ventanas</translation>
    </message>
</context>
<context>
    <name>alarms</name>
    <message>
        <source>  (+{count} more)</source>
        <translation>  (+{count} más)</translation>
    </message>
    <message>
        <source>{key} acknowledges (recorded in the log)</source>
        <translation>{key} acusa recibo (queda en el registro)</translation>
    </message>
    <message>
        <source>Deadline in {left}: demand #{seq} by {who} — “{text}” (at {clock})</source>
        <translation>Plazo en {left}: demanda n.º {seq} de {who} — “{text}” (a las {clock})</translation>
    </message>
    <message>
        <source>Deadline PASSED {ago} ago: demand #{seq} by {who} — “{text}” (was {clock})</source>
        <translation>Plazo VENCIDO hace {ago}: demanda n.º {seq} de {who} — “{text}” (era a las {clock})</translation>
    </message>
    <message>
        <source>No contact for {minutes} minutes (last contact {clock})</source>
        <translation>Sin contacto desde hace {minutes} minutos (último contacto {clock})</translation>
    </message>
    <message>
        <source>No contact for {minutes} minutes since the incident opened ({clock})</source>
        <translation>Sin contacto durante {minutes} minutos desde que se abrió el incidente ({clock})</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarma</translation>
    </message>
    <message>
        <source>How to acknowledge the alarm</source>
        <translation>Cómo acusar recibo de la alarma</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Create the vault</source>
        <translation>Crear el almacén</translation>
    </message>
    <message>
        <source>No vault yet at %1. Choose the passphrase that protects every incident on this computer. It is the way in when the keyring is not available: keep it where your unit keeps such secrets.</source>
        <translation>Aún no hay almacén en %1. Elija la frase de contraseña que protege todos los incidentes de este ordenador. Es la forma de entrar cuando el llavero del sistema no está disponible: guárdela donde su unidad guarda estos secretos.</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Llavero</translation>
    </message>
    <message>
        <source>Your callsign</source>
        <translation>Su indicativo</translation>
    </message>
    <message>
        <source>Your name or callsign: it is the author of every entry you record (kept inside the vault).</source>
        <translation>Su nombre o indicativo: es el autor de cada anotación que registre (se guarda dentro del almacén).</translation>
    </message>
</context>
<context>
    <name>boards</name>
    <message>
        <source>Demands &amp; offers</source>
        <translation>Demandas y ofrecimientos</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Hooks, triggers &amp; risks</source>
        <translation>Enganches, temas a evitar y riesgos</translation>
    </message>
    <message>
        <source>Incident clock</source>
        <translation>Reloj del incidente</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Demandas</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ofrecimientos</translation>
    </message>
    <message>
        <source>Hooks: what to talk about</source>
        <translation>Enganches: de qué hablar</translation>
    </message>
    <message>
        <source>Triggers: topics to avoid</source>
        <translation>Temas a evitar</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
    <message>
        <source>People register</source>
        <translation>Registro de personas</translation>
    </message>
    <message>
        <source>Entries flagged for debrief</source>
        <translation>Anotaciones marcadas para la revisión</translation>
    </message>
    <message>
        <source>Roles now</source>
        <translation>Funciones ahora</translation>
    </message>
    <message>
        <source>Time on the phone per negotiator</source>
        <translation>Tiempo al teléfono por negociador</translation>
    </message>
    <message>
        <source>Entry detail</source>
        <translation>Detalle de la anotación</translation>
    </message>
</context>
<context>
    <name>cell_dialog</name>
    <message>
        <source>Connect to the cell</source>
        <translation>Conectar con la célula</translation>
    </message>
    <message>
        <source>This workstation shares its incidents with the cell&apos;s server. If the server cannot be reached, you can still record: entries are kept here and sent when it is back.</source>
        <translation>Este puesto comparte sus incidentes con el servidor de la célula. Si no se puede contactar con el servidor, puede seguir registrando: las anotaciones se guardan aquí y se envían cuando vuelva.</translation>
    </message>
    <message>
        <source>Cell server address</source>
        <translation>Dirección del servidor de la célula</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Cell password</source>
        <translation>Contraseña de la célula</translation>
    </message>
    <message>
        <source>the 64 characters &apos;cell add-user&apos; printed</source>
        <translation>los 64 caracteres que mostró &apos;cell add-user&apos;</translation>
    </message>
    <message>
        <source>Vault passphrase</source>
        <translation>Frase de paso del almacén</translation>
    </message>
    <message>
        <source>Cell &amp;password:</source>
        <translation>&amp;Contraseña de la célula:</translation>
    </message>
    <message>
        <source>&amp;Vault passphrase:</source>
        <translation>&amp;Frase de paso del almacén:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Work on this computer &amp;only</source>
        <translation>Trabajar &amp;solo en este equipo</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>primary negotiator</source>
        <translation>negociador principal</translation>
    </message>
    <message>
        <source>secondary/coach</source>
        <translation>negociador secundario / de apoyo</translation>
    </message>
    <message>
        <source>team leader</source>
        <translation>jefe del equipo</translation>
    </message>
    <message>
        <source>loggist</source>
        <translation>anotador</translation>
    </message>
    <message>
        <source>intelligence</source>
        <translation>inteligencia</translation>
    </message>
    <message>
        <source>adviser</source>
        <translation>asesor</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplida</translation>
    </message>
    <message>
        <source>partly met</source>
        <translation>parcial</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>vencida</translation>
    </message>
    <message>
        <source>made</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>face to face</source>
        <translation>cara a cara</translation>
    </message>
    <message>
        <source>throw phone</source>
        <translation>teléfono lanzable</translation>
    </message>
    <message>
        <source>text</source>
        <translation>mensaje de texto</translation>
    </message>
    <message>
        <source>sign language</source>
        <translation>lengua de signos</translation>
    </message>
    <message>
        <source>intermediary</source>
        <translation>intermediario</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>intento</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>sujeto</translation>
    </message>
    <message>
        <source>hostage</source>
        <translation>rehén</translation>
    </message>
    <message>
        <source>negotiator</source>
        <translation>negociador</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>testigo</translation>
    </message>
    <message>
        <source>commander</source>
        <translation>mando</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>weapon</source>
        <translation>arma</translation>
    </message>
    <message>
        <source>self-harm</source>
        <translation>autolesión</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>comunicado</translation>
    </message>
    <message>
        <source>rumoured</source>
        <translation>rumor</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>barricade</source>
        <translation>atrincheramiento</translation>
    </message>
    <message>
        <source>suicide intervention</source>
        <translation>intento de suicidio</translation>
    </message>
    <message>
        <source>kidnap</source>
        <translation>secuestro</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>crisis</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>mantener</translation>
    </message>
    <message>
        <source>redact</source>
        <translation>anonimizar</translation>
    </message>
    <message>
        <source>attach</source>
        <translation>asignar</translation>
    </message>
    <message>
        <source>default</source>
        <translation>por defecto</translation>
    </message>
</context>
<context>
    <name>clock</name>
    <message>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <source>Elapsed caption</source>
        <translation>Rótulo del tiempo transcurrido</translation>
    </message>
    <message>
        <source>Time since the incident opened</source>
        <translation>Tiempo desde que se abrió el incidente</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>Abierto a las</translation>
    </message>
    <message>
        <source>No contact yet</source>
        <translation>Aún sin contacto</translation>
    </message>
    <message>
        <source>Time since the last contact</source>
        <translation>Tiempo desde el último contacto</translation>
    </message>
    <message>
        <source>Nobody on the phone</source>
        <translation>Nadie al teléfono</translation>
    </message>
    <message>
        <source>On the phone</source>
        <translation>Al teléfono</translation>
    </message>
    <message>
        <source>Opened %1%2 · %3</source>
        <translation>Abierto %1%2 · %3</translation>
    </message>
    <message>
        <source>Duration (sealed)</source>
        <translation>Duración (sellado)</translation>
    </message>
    <message>
        <source>In contact (%1) for %2</source>
        <translation>En contacto (%1) desde hace %2</translation>
    </message>
    <message>
        <source>Last contact %1 ago</source>
        <translation>Último contacto hace %1</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 d %2</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>vencido %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>quedan %1</translation>
    </message>
</context>
<context>
    <name>composer</name>
    <message>
        <source>{ref} was sealed at {time} by {author}: the log is closed and nothing more can be recorded. To add to it, reopen it with a reason (Review › Reopen incident…). What is typed here is kept.</source>
        <translation>{ref} fue sellado a las {time} por {author}: el registro está cerrado y no se puede registrar nada más. Para añadir algo, reábralo con un motivo (Revisión › Reabrir el incidente…). Lo escrito aquí se conserva.</translation>
    </message>
    <message>
        <source>Nothing typed is recorded while the incident is sealed. Reopen it first (Review › Reopen incident…).</source>
        <translation>No se registra nada de lo escrito mientras el incidente está sellado. Reábralo antes (Revisión › Reabrir el incidente…).</translation>
    </message>
    <message>
        <source>the new deadline {new} is EARLIER than the current one ({old}). Check it; press {record} again to record it as typed.</source>
        <translation>el nuevo plazo {new} es ANTERIOR al actual ({old}). Compruébelo; pulse {record} otra vez para registrarlo tal como está.</translation>
    </message>
    <message>
        <source>Entry composer</source>
        <translation>Editor de anotaciones</translation>
    </message>
    <message>
        <source>Incident sealed</source>
        <translation>Incidente sellado</translation>
    </message>
    <message>
        <source>Current entry kind</source>
        <translation>Tipo de anotación actual</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>Entry kind</source>
        <translation>Tipo de anotación</translation>
    </message>
    <message>
        <source>The kind of entry: type its name or use Ctrl+Shift+its letter</source>
        <translation>El tipo de anotación: escriba su nombre o use Ctrl+Mayús+su letra</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Hora</translation>
    </message>
    <message>
        <source>Entry time</source>
        <translation>Hora de la anotación</translation>
    </message>
    <message>
        <source>now · 21:40 · -10m</source>
        <translation>ahora · 21:40 · -10m</translation>
    </message>
    <message>
        <source>When it happened. Empty: when you started typing. Type 21:40, -10m or an ISO time for late information.</source>
        <translation>Cuándo ocurrió. Vacío: cuando empezó a escribir. Escriba 21:40, -10m o una hora ISO para información tardía.</translation>
    </message>
    <message>
        <source>Entry time as recorded</source>
        <translation>Hora de la anotación tal como se registrará</translation>
    </message>
    <message>
        <source>Late &amp;because</source>
        <translation>Tardía &amp;porque</translation>
    </message>
    <message>
        <source>Reason the entry is recorded late</source>
        <translation>Motivo por el que la anotación se registra tarde</translation>
    </message>
    <message>
        <source>e.g. information received late from control</source>
        <translation>p. ej. información recibida tarde de la sala</translation>
    </message>
    <message>
        <source>Reason for the &amp;amendment</source>
        <translation>Motivo de la &amp;corrección</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motivo de la corrección</translation>
    </message>
    <message>
        <source>required: why the entry is corrected</source>
        <translation>obligatorio: por qué se corrige la anotación</translation>
    </message>
    <message>
        <source>What the typed deadline means</source>
        <translation>Qué significa el plazo escrito</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Texto de la anotación</translation>
    </message>
    <message>
        <source>Type what happened. Ctrl+Enter records.</source>
        <translation>Escriba lo ocurrido. Ctrl+Intro registra.</translation>
    </message>
    <message>
        <source>Composer error</source>
        <translation>Error del editor</translation>
    </message>
    <message>
        <source>Composer notice</source>
        <translation>Aviso del editor</translation>
    </message>
    <message>
        <source>Keyboard hints</source>
        <translation>Ayuda de teclado</translation>
    </message>
    <message>
        <source>%1 record · %2 time · %3 amend · F6 next pane · %4 all keys · Kinds (Ctrl+Shift+…): %5</source>
        <translation>%1 registrar · %2 hora · %3 corregir · F6 zona siguiente · %4 todas las teclas · Tipos (Ctrl+Mayús+…): %5</translation>
    </message>
    <message>
        <source>%1: type what happened. %2 records.</source>
        <translation>%1: escriba lo ocurrido. %2 registra.</translation>
    </message>
    <message>
        <source> (Text optional.)</source>
        <translation> (Texto opcional.)</translation>
    </message>
    <message>
        <source>Entry #</source>
        <translation>Anotación n.º</translation>
    </message>
    <message>
        <source>Entry number this refers to</source>
        <translation>Número de la anotación a la que se refiere</translation>
    </message>
    <message>
        <source>amendment: recorded now</source>
        <translation>corrección: se registra ahora</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>escrita</translation>
    </message>
    <message>
        <source>started typing</source>
        <translation>al empezar a escribir</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>%1 min ago: LATE, say why below</source>
        <translation>hace %1 min: TARDÍA, diga por qué abajo</translation>
    </message>
    <message>
        <source>%1: %2 after the current deadline %3</source>
        <translation>%1: %2 después del plazo actual %3</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, dentro de %2</translation>
    </message>
    <message>
        <source>%1, %2 ago: already passed</source>
        <translation>%1, hace %2: ya ha vencido</translation>
    </message>
    <message>
        <source>; EARLIER than the current deadline %1</source>
        <translation>; ANTERIOR al plazo actual %1</translation>
    </message>
    <message>
        <source>Deadline: </source>
        <translation>Plazo: </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an entry number</source>
        <translation>&apos;%1&apos; no es un número de anotación</translation>
    </message>
    <message>
        <source>set your name or callsign first (File › Settings); entries need an author</source>
        <translation>indique antes su nombre o indicativo (Archivo › Preferencias); las anotaciones necesitan autor</translation>
    </message>
    <message>
        <source>Recorded #%1 at %2</source>
        <translation>Registrada la n.º %1 a las %2</translation>
    </message>
    <message>
        <source>Kept #%1 at %2 on this workstation: sent to the cell server when it is back</source>
        <translation>Guardada la n.º %1 a las %2 en este puesto: se enviará al servidor de la célula cuando vuelva</translation>
    </message>
    <message>
        <source>say why the entry is amended; the original stays in the log</source>
        <translation>diga por qué se corrige la anotación; la original sigue en el registro</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Late because</source>
        <translation>Tardía porque</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Paste refused: it is %1 characters and an entry holds at most %2. Nothing was pasted; split it into several entries.</source>
        <translation>Pegado rechazado: son %1 caracteres y una anotación admite como máximo %2. No se ha pegado nada; divídalo en varias anotaciones.</translation>
    </message>
    <message>
        <source>a %1 entry cannot be amended</source>
        <translation>una anotación de tipo %1 no se puede corregir</translation>
    </message>
    <message>
        <source>Amending #%1 (%2). The original stays in the log, struck through beside your correction. A reason is required. %3 cancels.</source>
        <translation>Corrigiendo la n.º %1 (%2). La original sigue en el registro, tachada junto a su corrección. Hace falta un motivo. %3 cancela.</translation>
    </message>
    <message>
        <source>Draft not saved: </source>
        <translation>Borrador no guardado: </translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>Restored an unsent draft saved at %1: the program closed before it was recorded. Check it, then %2 to record it.</source>
        <translation>Recuperado un borrador no enviado guardado a las %1: el programa se cerró antes de registrarlo. Revíselo y pulse %2 para registrarlo.</translation>
    </message>
</context>
<context>
    <name>composer_fields</name>
    <message>
        <source>name, alias, label or key</source>
        <translation>nombre, alias, etiqueta o clave</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches %2 people: %3. Type more of the name, or the key.</source>
        <translation>&apos;%1&apos; coincide con %2 personas: %3. Escriba más del nombre, o la clave.</translation>
    </message>
    <message>
        <source>no one registered matches &apos;%1&apos;. Type a key, name, alias or label (Alt+Down lists everyone), or register the person first (Ctrl+Shift+P).</source>
        <translation>nadie registrado coincide con &apos;%1&apos;. Escriba una clave, nombre, alias o etiqueta (Alt+Abajo los muestra todos), o registre antes a la persona (Ctrl+Mayús+P).</translation>
    </message>
    <message>
        <source>type or Alt+Down</source>
        <translation>escriba o Alt+Abajo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could be %2. Type a few more letters.</source>
        <translation>&apos;%1&apos; puede ser %2. Escriba unas letras más.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2. Type one of them or its first letters (Alt+Down lists them).</source>
        <translation>&apos;%1&apos; no es ninguno de: %2. Escriba uno de ellos o sus primeras letras (Alt+Abajo los muestra).</translation>
    </message>
    <message>
        <source>23:00, +30m or ISO</source>
        <translation>23:00, +30m o ISO</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>separados por comas</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorio)</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>Cell: connected — 1 entry waiting to be sent</source>
        <translation>Célula: conectado — 1 anotación por enviar</translation>
    </message>
    <message>
        <source>Cell: connected — %1 entries waiting to be sent</source>
        <translation>Célula: conectado — %1 anotaciones por enviar</translation>
    </message>
    <message>
        <source>Cell: connected — nothing waiting</source>
        <translation>Célula: conectado — nada en espera</translation>
    </message>
    <message>
        <source>Every entry is on the cell server and reaches the other workstations.</source>
        <translation>Todas las anotaciones están en el servidor de la célula y llegan a los demás puestos.</translation>
    </message>
    <message>
        <source>Cell: offline — 1 entry waiting</source>
        <translation>Célula: sin conexión — 1 anotación en espera</translation>
    </message>
    <message>
        <source>Cell: offline — %1 entries waiting</source>
        <translation>Célula: sin conexión — %1 anotaciones en espera</translation>
    </message>
    <message>
        <source>The cell server cannot be reached. Keep typing: entries are kept on this workstation and sent, in order and once each, when it is back. Click to try now.</source>
        <translation>No se puede contactar con el servidor de la célula. Siga escribiendo: las anotaciones se guardan en este puesto y se envían, en orden y una sola vez, cuando vuelva. Pulse para intentarlo ahora.</translation>
    </message>
    <message>
        <source>· %1 held</source>
        <translation>· %1 retenidas</translation>
    </message>
    <message>
        <source>Held entries were refused by the server (the incident was sealed elsewhere, or a person key was taken). They stay on this workstation; &apos;incident-log cell status&apos; lists them.</source>
        <translation>El servidor rechazó las anotaciones retenidas (el incidente se selló en otro puesto o la clave de una persona ya estaba usada). Siguen en este puesto; &apos;incident-log cell status&apos; las enumera.</translation>
    </message>
    <message>
        <source>· the shared log does not match this copy</source>
        <translation>· el registro compartido no coincide con esta copia</translation>
    </message>
    <message>
        <source>Connection to the cell server</source>
        <translation>Conexión con el servidor de la célula</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Close and seal {ref}? Nothing more can be recorded until it is reopened with a reason. The seal records the entry count and head hash in the log.</source>
        <translation>¿Cerrar y sellar {ref}? No se podrá registrar nada más hasta reabrirlo con un motivo. El sellado deja en el registro el número de anotaciones y el hash de cabeza.</translation>
    </message>
    <message>
        <source>Why is {ref} reopened? (recorded in the log)</source>
        <translation>¿Por qué se reabre {ref}? (queda en el registro)</translation>
    </message>
    <message>
        <source>Undone within seconds: the board key was pressed by mistake (previous status {previous})</source>
        <translation>Deshecho en segundos: la tecla del panel se pulsó por error (estado anterior {previous})</translation>
    </message>
    <message>
        <source>Recorded #{seq}: {kind} #{target} → {status}</source>
        <translation>Registrada la n.º {seq}: {kind} n.º {target} → {status}</translation>
    </message>
    <message>
        <source>select the entry to amend in the timeline first (Shift+F6 goes there)</source>
        <translation>seleccione antes en la cronología la anotación que quiere corregir (Mayús+F6 va allí)</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Descartar el borrador</translation>
    </message>
    <message>
        <source>Throw away everything typed in the composer?</source>
        <translation>¿Desechar todo lo escrito en el editor?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Nothing typed is recorded while the incident is sealed.</source>
        <translation>No se registra nada de lo escrito mientras el incidente está sellado.</translation>
    </message>
    <message>
        <source>%1 (back to %2)</source>
        <translation>%1 (vuelve a %2)</translation>
    </message>
    <message>
        <source>Close and seal</source>
        <translation>Cerrar y sellar</translation>
    </message>
    <message>
        <source>Seal the incident</source>
        <translation>Sellar el incidente</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
</context>
<context>
    <name>demands</name>
    <message>
        <source>Demand keys: M met · P partly met · R refused · W withdrawn · X expired · O reopen · Enter show entry</source>
        <translation>Teclas de demandas: M cumplida · P parcial · R rechazada · W retirada · X vencida · O reabrir · Intro ver la anotación</translation>
    </message>
    <message>
        <source>Offer keys: A accepted · J rejected · D delivered · W withdrawn · Enter show entry</source>
        <translation>Teclas de ofrecimientos: A aceptado · J rechazado · D entregado · W retirado · Intro ver la anotación</translation>
    </message>
    <message>
        <source>%1 · restated %2×</source>
        <translation>%1 · reiterado %2×</translation>
    </message>
    <message>
        <source>
Deadline restated %1 time(s)</source>
        <translation>
Plazo reiterado %1 vez/veces</translation>
    </message>
    <message>
        <source>accepted · owed</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Accepted by the subject and not yet delivered: the cell owes this.</source>
        <translation>Aceptado por el sujeto y aún no entregado: el equipo lo debe.</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Demandas</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ofrecimientos</translation>
    </message>
    <message>
        <source>Demands · %1 open of %2</source>
        <translation>Demandas · %1 abiertas de %2</translation>
    </message>
    <message>
        <source>Offers · %1 owed</source>
        <translation>Ofrecimientos · %1 pendientes</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> de %1</translation>
    </message>
</context>
<context>
    <name>detail</name>
    <message>
        <source>Select an entry in the timeline and press Enter to read it here in full.</source>
        <translation>Seleccione una anotación en la cronología y pulse Intro para leerla aquí completa.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Occurred&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ocurrió&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recorded&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Registrada&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;LATE&lt;/b&gt; by %1 min</source>
        <translation>&lt;b&gt;TARDÍA&lt;/b&gt; en %1 min</translation>
    </message>
    <message>
        <source> because </source>
        <translation> porque </translation>
    </message>
    <message>
        <source>&lt;b&gt;By&lt;/b&gt; </source>
        <translation>&lt;b&gt;Por&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;b&gt;Origin&lt;/b&gt; </source>
        <translation>&lt;b&gt;Origen&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Refers to&lt;/b&gt; #%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Se refiere a&lt;/b&gt; la n.º %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Amendments (the original above stays in the log)&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Correcciones (la original de arriba sigue en el registro)&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; %2 by %3: %4</source>
        <translation>&lt;b&gt;n.º %1&lt;/b&gt; %2 por %3: %4</translation>
    </message>
    <message>
        <source>Text now: </source>
        <translation>Texto ahora: </translation>
    </message>
    <message>
        <source>Fields now: </source>
        <translation>Campos ahora: </translation>
    </message>
    <message>
        <source>&lt;h4&gt;Status updates&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Cambios de estado&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Flagged for the debrief&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Marcada para la revisión&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; a las %2: %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;small&gt;Hash %1…&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;small&gt;Hash %1…&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Entry in full</source>
        <translation>Anotación completa</translation>
    </message>
    <message>
        <source>The whole entry: text, fields, times, amendments and flags. Arrow keys scroll; Esc returns to the timeline.</source>
        <translation>La anotación entera: texto, campos, horas, correcciones y marcas. Las flechas desplazan; Esc vuelve a la cronología.</translation>
    </message>
    <message>
        <source>Entry %1 in full</source>
        <translation>Anotación %1 completa</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Type the minutes before a deadline as numbers separated by commas, e.g. 10, 2 (or leave it empty).</source>
        <translation>Escriba los minutos antes de un plazo como números separados por comas, p. ej. 10, 2 (o déjelo vacío).</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Your name or callsign</source>
        <translation>Su nombre o indicativo</translation>
    </message>
    <message>
        <source>the author of your entries, e.g. Loggist 1</source>
        <translation>el autor de sus anotaciones, p. ej. Anotador 1</translation>
    </message>
    <message>
        <source>Your &amp;name or callsign</source>
        <translation>Su &amp;nombre o indicativo</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Tamaño de letra</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light for day, dark for a lit room at night, night for a dark room</source>
        <translation>Claro para el día, oscuro para una sala iluminada de noche, noche para una sala a oscuras</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Plain colours and thick borders; follows the desktop&apos;s setting where the system reports it</source>
        <translation>Colores planos y bordes gruesos; sigue el ajuste del escritorio cuando el sistema lo indica</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <source>Every window is covered after this long without a key or mouse; 0 never</source>
        <translation>Todas las ventanas se cubren tras este tiempo sin teclado ni ratón; 0 nunca</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for</source>
        <translation>&amp;Bloquear si inactivo durante</translation>
    </message>
    <message>
        <source>Deadline alarms, minutes before</source>
        <translation>Alarmas de plazo, minutos antes</translation>
    </message>
    <message>
        <source>Minutes before a deadline that raise an alarm, e.g. 10, 2</source>
        <translation>Minutos antes de un plazo que disparan una alarma, p. ej. 10, 2</translation>
    </message>
    <message>
        <source>e.g. 10, 2</source>
        <translation>p. ej. 10, 2</translation>
    </message>
    <message>
        <source>&amp;Deadline alarms (minutes before)</source>
        <translation>Alarmas de &amp;plazo (minutos antes)</translation>
    </message>
    <message>
        <source>No contact alarm after minutes</source>
        <translation>Alarma sin contacto tras minutos</translation>
    </message>
    <message>
        <source>An alarm when there has been no contact for this long; 0 never</source>
        <translation>Una alarma cuando no ha habido contacto durante este tiempo; 0 nunca</translation>
    </message>
    <message>
        <source>&amp;No contact alarm after</source>
        <translation>Alarma &amp;sin contacto tras</translation>
    </message>
    <message>
        <source>&amp;Sound with each new alarm</source>
        <translation>&amp;Sonido con cada alarma nueva</translation>
    </message>
    <message>
        <source>Sound with each new alarm</source>
        <translation>Sonido con cada alarma nueva</translation>
    </message>
    <message>
        <source>The system bell rings when an alarm is raised</source>
        <translation>Suena el timbre del sistema cuando salta una alarma</translation>
    </message>
    <message>
        <source>Show times in &amp;UTC (otherwise local time)</source>
        <translation>Horas en &amp;UTC (si no, hora local)</translation>
    </message>
    <message>
        <source>Show times in UTC</source>
        <translation>Horas en UTC</translation>
    </message>
    <message>
        <source>Every time shown and typed is in UTC instead of this computer&apos;s time</source>
        <translation>Todas las horas mostradas y escritas van en UTC en lugar de la hora de este ordenador</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>English or Spanish; windows opened after the change use it</source>
        <translation>Inglés o español; lo usan las ventanas que se abran después del cambio</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Entries need an author: type your name or callsign.</source>
        <translation>Las anotaciones necesitan autor: escriba su nombre o indicativo.</translation>
    </message>
    <message>
        <source>Keyboard map</source>
        <translation>Mapa del teclado</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <source>Incident title</source>
        <translation>Título del incidente</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>Incident type</source>
        <translation>Tipo de incidente</translation>
    </message>
    <message>
        <source>Hostage, barricade, suicide intervention, kidnap, crisis or other</source>
        <translation>Rehenes, atrincheramiento, intento de suicidio, secuestro, crisis u otro</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Referencia (opcional)</translation>
    </message>
    <message>
        <source>automatic, e.g. NEG-2026-0001</source>
        <translation>automática, p. ej. NEG-2026-0001</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <source>E&amp;xercise (training: every page says EXERCISE)</source>
        <translation>E&amp;jercicio (formación: cada página dice EJERCICIO)</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Give the incident a title (what and where, e.g. &apos;Man on the viaduct&apos;).</source>
        <translation>Dé un título al incidente (qué y dónde, p. ej. &apos;Hombre en el viaducto&apos;).</translation>
    </message>
    <message>
        <source>Choose the incident type (Alt+Down lists them).</source>
        <translation>Elija el tipo de incidente (Alt+Abajo los muestra).</translation>
    </message>
</context>
<context>
    <name>docks</name>
    <message>
        <source>Demands</source>
        <translation>Demandas</translation>
    </message>
    <message>
        <source>Hooks &amp; risks</source>
        <translation>Enganches y riesgos</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Board: %1. Alt and its number raise it; F6 moves between panes.</source>
        <translation>Panel: %1. Alt y su número lo traen al frente; F6 pasa de una zona a otra.</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>Boards in this stack</source>
        <translation>Paneles de esta pila</translation>
    </message>
    <message>
        <source>Left and right arrows choose the board shown in this stack</source>
        <translation>Las flechas izquierda y derecha eligen el panel visible de esta pila</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Grading (e.g. B2)</source>
        <translation>Valoración (p. ej. B2)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>By</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Import id</source>
        <translation>Id. de importación</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>Nuevo plazo</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Habla</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Suceso</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Motivación</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Corrected fields</source>
        <translation>Campos corregidos</translation>
    </message>
    <message>
        <source>Upto</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>Abierto el</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Ledger head</source>
        <translation>Cabeza del registro</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Alarm id</source>
        <translation>Id. de alarma</translation>
    </message>
    <message>
        <source>Summary through entry</source>
        <translation>Resumen hasta la anotación</translation>
    </message>
</context>
<context>
    <name>finding_classes</name>
    <message>
        <source>registered</source>
        <translation>registrado</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>variante</translation>
    </message>
    <message>
        <source>registered phone</source>
        <translation>teléfono registrado</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>posible nombre</translation>
    </message>
    <message>
        <source>term</source>
        <translation>término</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>id</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>plate</source>
        <translation>matrícula</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>handle</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>código postal</translation>
    </message>
    <message>
        <source>dob</source>
        <translation>fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>headers</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Queda</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Demanda</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ofrecimiento</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcada</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Ocupada por</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Spells</source>
        <translation>Turnos</translation>
    </message>
    <message>
        <source>Negotiator</source>
        <translation>Negociador</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrió</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
</context>
<context>
    <name>home</name>
    <message>
        <source> [EXERCISE]</source>
        <translation> [EJERCICIO]</translation>
    </message>
    <message>
        <source>Incident Log — cell %1 · %2</source>
        <translation>Incident Log — célula %1 · %2</translation>
    </message>
    <message>
        <source>Incident Log — %1</source>
        <translation>Registro de Incidentes — %1</translation>
    </message>
    <message>
        <source>Incidents in this vault</source>
        <translation>Incidentes de este almacén</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>Vault unlocked with %1</source>
        <translation>Caja fuerte desbloqueada con %1</translation>
    </message>
    <message>
        <source>Import a scenario</source>
        <translation>Importar un escenario</translation>
    </message>
    <message>
        <source>Scenario (*.json)</source>
        <translation>Escenario (*.json)</translation>
    </message>
    <message>
        <source>%1 could not be read as a scenario (%2). Nothing was imported.</source>
        <translation>%1 no se ha podido leer como escenario (%2). No se ha importado nada.</translation>
    </message>
    <message>
        <source>Imported %1 (%2 entries)</source>
        <translation>Importado %1 (%2 anotaciones)</translation>
    </message>
    <message>
        <source>Cell connection</source>
        <translation>Conexión con la célula</translation>
    </message>
    <message>
        <source>Work on this computer only? The windows close and reopen on this vault; the cell&apos;s incidents stay on the server (and in this workstation&apos;s copy). Entries still waiting are sent the next time you connect.</source>
        <translation>¿Trabajar solo en este equipo? Las ventanas se cierran y se abren de nuevo sobre este almacén; los incidentes de la célula siguen en el servidor (y en la copia de este puesto). Las anotaciones aún en espera se envían la próxima vez que se conecte.</translation>
    </message>
    <message>
        <source>Connect to a cell</source>
        <translation>Conectar con una célula</translation>
    </message>
    <message>
        <source>The cell server&apos;s address, as the cell&apos;s administrator gave it (postgresql://USER@HOST:PORT/DB?sslmode=verify-full&amp;sslrootcert=CA.crt). The windows close and reopen on the cell.</source>
        <translation>La dirección del servidor de la célula, tal como la dio su administrador (postgresql://USUARIO@EQUIPO:PUERTO/BD?sslmode=verify-full&amp;sslrootcert=CA.crt). Las ventanas se cierran y se abren de nuevo sobre la célula.</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>Importar un paquete</translation>
    </message>
    <message>
        <source>Incident bundle (*.bundle *.ilb);;All (*)</source>
        <translation>Paquete de incidente (*.bundle *.ilb);;Todos (*)</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>Frase de contraseña del paquete</translation>
    </message>
    <message>
        <source>The passphrase the bundle was exported with</source>
        <translation>La frase de contraseña con la que se exportó el paquete</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Importado %1</translation>
    </message>
    <message>
        <source>Select the incident to export first.</source>
        <translation>Seleccione antes el incidente que quiere exportar.</translation>
    </message>
    <message>
        <source>Export a bundle</source>
        <translation>Exportar un paquete</translation>
    </message>
    <message>
        <source>Incident bundle (*.bundle)</source>
        <translation>Paquete de incidente (*.bundle)</translation>
    </message>
    <message>
        <source>The bundle is encrypted with its own passphrase. Give it to the receiving cell by another channel than the file.</source>
        <translation>El paquete va cifrado con su propia frase de contraseña. Comuníquela al equipo que lo recibe por otro canal distinto del archivo.</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Exportado %1 a %2</translation>
    </message>
</context>
<context>
    <name>incident_status</name>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>sellado</translation>
    </message>
</context>
<context>
    <name>incident_types</name>
    <message>
        <source>hostage</source>
        <translation>rehenes</translation>
    </message>
    <message>
        <source>barricade</source>
        <translation>atrincheramiento</translation>
    </message>
    <message>
        <source>suicide intervention</source>
        <translation>intento de suicidio</translation>
    </message>
    <message>
        <source>kidnap</source>
        <translation>secuestro</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>crisis</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
</context>
<context>
    <name>incident_window</name>
    <message>
        <source>Incident window</source>
        <translation>Ventana del incidente</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Intelligence</source>
        <translation>Inteligencia</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Relevo</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Demanda</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ofrecimiento</translation>
    </message>
    <message>
        <source>Status update</source>
        <translation>Nuevo estado</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Enganche</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Tema a evitar</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <source>Flag for debrief</source>
        <translation>A revisar</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Sellado</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>Incidente abierto</translation>
    </message>
    <message>
        <source>Incident details changed</source>
        <translation>Datos del incidente cambiados</translation>
    </message>
    <message>
        <source>Redaction decision</source>
        <translation>Decisión de anonimización</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>Alarma atendida</translation>
    </message>
    <message>
        <source>Situation assessment</source>
        <translation>Valoración de la situación</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Subject</source>
        <translation>Sujeto</translation>
    </message>
    <message>
        <source>Hostage</source>
        <translation>Rehén</translation>
    </message>
    <message>
        <source>Negotiator</source>
        <translation>Negociador</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <source>Intermediary</source>
        <translation>Intermediario</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Mando</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Loggist</source>
        <translation>Anotador</translation>
    </message>
</context>
<context>
    <name>leader_window</name>
    <message>
        <source>team leader ({callsign}) — Incident Log</source>
        <translation>jefe del equipo ({callsign}) — Registro de Incidentes</translation>
    </message>
    <message>
        <source>Status updates and people are recorded by the loggist in the incident window; this window records flags, reviews and alarm acknowledgements only.</source>
        <translation>Los cambios de estado y las personas los registra el anotador en la ventana del incidente; esta ventana solo registra marcas, revisiones y acuses de alarma.</translation>
    </message>
    <message>
        <source>Read-only here: the loggist records status updates · Enter shows the entry in full</source>
        <translation>Solo lectura aquí: el anotador registra los cambios de estado · Intro muestra la anotación completa</translation>
    </message>
    <message>
        <source>Not reviewed yet · {entries}</source>
        <translation>Aún sin revisar · {entries}</translation>
    </message>
    <message>
        <source>Reviewed up to #{upto} at {time} by {who} · {new} new since (tinted blue) · {entries}</source>
        <translation>Revisado hasta la n.º {upto} a las {time} por {who} · {new} nuevas desde entonces (en azul) · {entries}</translation>
    </message>
    <message>
        <source>New entry {seq}, {kind}, by {author}: {text}</source>
        <translation>Nueva anotación {seq}, {kind}, de {author}: {text}</translation>
    </message>
    <message>
        <source>Team leader window</source>
        <translation>Ventana del jefe del equipo</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Estado de la revisión</translation>
    </message>
    <message>
        <source>{n} entry</source>
        <translation>{n} anotación</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} anotaciones</translation>
    </message>
    <message>
        <source> · SEALED</source>
        <translation> · SELLADO</translation>
    </message>
    <message>
        <source>This window is read-only: typing here records nothing. Entries are typed in the loggist&apos;s incident window; here Ctrl+B flags and Ctrl+Alt+R marks reviewed.</source>
        <translation>Esta ventana es de solo lectura: lo que se escribe aquí no se registra. Las anotaciones se escriben en la ventana del incidente del anotador; aquí Ctrl+B marca y Ctrl+Alt+R da por revisado.</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Incident Log is locked</source>
        <translation>El Registro de Incidentes está bloqueado</translation>
    </message>
    <message>
        <source>Your unsent entry is kept. Type the vault passphrase to continue.</source>
        <translation>Su anotación sin enviar se conserva. Escriba la frase de contraseña del almacén para continuar.</translation>
    </message>
    <message>
        <source>Vault passphrase</source>
        <translation>Frase de contraseña del almacén</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock with &amp;keyring</source>
        <translation>Desbloquear con el &amp;llavero</translation>
    </message>
    <message>
        <source>Unlock with the system keyring</source>
        <translation>Desbloquear con el llavero del sistema</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock.</source>
        <translation>Frase de contraseña incorrecta. Compruebe la distribución del teclado y Bloq Mayús.</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <source>Hook: talk about</source>
        <translation>Enganche: hablar de</translation>
    </message>
    <message>
        <source>Trigger: avoid</source>
        <translation>Tema a evitar</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>Enganches</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Temas a evitar</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
    <message>
        <source>Hooks · talk about (%1)</source>
        <translation>Enganches · de qué hablar (%1)</translation>
    </message>
    <message>
        <source>Triggers · avoid these topics (%1)</source>
        <translation>Temas a evitar (%1)</translation>
    </message>
    <message>
        <source>Risks · %1 live</source>
        <translation>Riesgos · %1 vigentes</translation>
    </message>
    <message>
        <source>, %1 CONFIRMED weapon/self-harm</source>
        <translation>, %1 arma/autolesión CONFIRMADA</translation>
    </message>
</context>
<context>
    <name>origins</name>
    <message>
        <source>live</source>
        <translation>en directo</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importada</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Type the person&apos;s name (or a description such as &apos;unknown male, 40s&apos;).</source>
        <translation>Escriba el nombre de la persona (o una descripción como &apos;varón desconocido, unos 40&apos;).</translation>
    </message>
    <message>
        <source>The key {key} is already used by {label}. Choose another key.</source>
        <translation>La clave {key} ya la usa {label}. Elija otra clave.</translation>
    </message>
    <message>
        <source>Type the person&apos;s role (subject, hostage, negotiator …) or choose it with Alt+Down.</source>
        <translation>Escriba el papel de la persona (sujeto, rehén, negociador…) o elíjalo con Alt+Abajo.</translation>
    </message>
    <message>
        <source>A key is a short word of lower-case letters and digits starting with a letter, e.g. s2.</source>
        <translation>Una clave es una palabra corta de minúsculas y cifras que empieza por letra, p. ej. s2.</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Full name, or a description</source>
        <translation>Nombre completo o una descripción</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Short key used in the log and the composer, e.g. s2</source>
        <translation>Clave corta que se usa en el registro y el editor, p. ej. s2</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Separados por comas</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Papel</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Clave</translation>
    </message>
    <message>
        <source>&amp;Aliases</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Teléfonos</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Añadir persona…</translation>
    </message>
    <message>
        <source>Add person (Insert)</source>
        <translation>Añadir persona (Insert)</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Número de personas</translation>
    </message>
    <message>
        <source>{n} person registered</source>
        <translation>{n} persona registrada</translation>
    </message>
    <message>
        <source>{n} people registered</source>
        <translation>{n} personas registradas</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>Incident Log</source>
        <translation>Registro de Incidentes</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>Esto no puede quedar vacío.</translation>
    </message>
    <message>
        <source>Your callsign as team leader. Flags, reviews and alarm acknowledgements made in this window are recorded under it, so the log shows who reviewed.</source>
        <translation>Su indicativo como jefe del equipo. Las marcas, revisiones y acuses de alarma de esta ventana se registran con él, para que el registro muestre quién revisó.</translation>
    </message>
    <message>
        <source>A callsign is at most {limit} characters ({count} typed): it is printed beside every entry.</source>
        <translation>Un indicativo tiene como máximo {limit} caracteres (ha escrito {count}): se imprime junto a cada anotación.</translation>
    </message>
    <message>
        <source>&apos;{callsign}&apos; is the loggist&apos;s callsign on this vault. The team leader records under their own, so the debrief can tell who did what: type yours.</source>
        <translation>&apos;{callsign}&apos; es el indicativo del anotador en este almacén. El jefe del equipo registra con el suyo, para que la revisión distinga quién hizo qué: escriba el suyo.</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Jefe del equipo</translation>
    </message>
    <message>
        <source>Use a few unrelated words: easy to type at night, hard to guess.</source>
        <translation>Use unas cuantas palabras sin relación: fáciles de escribir de noche, difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Too short (%1 characters): at least 8 are required; 16 or more is better.</source>
        <translation>Demasiado corta (%1 caracteres): hacen falta al menos 8; mejor 16 o más.</translation>
    </message>
    <message>
        <source>Acceptable, but weak: add another word or two.</source>
        <translation>Aceptable, pero débil: añada una o dos palabras más.</translation>
    </message>
    <message>
        <source>Good. Four or more words would be strong.</source>
        <translation>Buena. Con cuatro palabras o más sería fuerte.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Remember the key in this computer&apos;s keyring (unlock without typing)</source>
        <translation>&amp;Recordar la clave en el llavero de este ordenador (desbloquear sin escribir)</translation>
    </message>
    <message>
        <source>Remember the key in the system keyring</source>
        <translation>Recordar la clave en el llavero del sistema</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Las dos frases de contraseña no coinciden. Escríbalas otra vez.</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Desbloquear el almacén</translation>
    </message>
</context>
<context>
    <name>report_dialog</name>
    <message>
        <source>&amp;Keep as written</source>
        <translation>&amp;Mantener tal cual</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Anonimizar</translation>
    </message>
    <message>
        <source>&amp;Attach to person</source>
        <translation>A&amp;signar a persona</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Por defecto</translation>
    </message>
    <message>
        <source>Debrief report — %1</source>
        <translation>Informe de revisión — %1</translation>
    </message>
    <message>
        <source>Redacted copy (people by label; checked for leaks before it is written)</source>
        <translation>Copia anonimizada (personas por etiqueta; se comprueban fugas antes de escribirla)</translation>
    </message>
    <message>
        <source>Unredacted copy — RESTRICTED (needs a reason; recorded in the log)</source>
        <translation>Copia sin anonimizar — RESERVADA (necesita motivo; queda en el registro)</translation>
    </message>
    <message>
        <source>Copy:</source>
        <translation>Copia:</translation>
    </message>
    <message>
        <source>Why an unredacted copy is needed (recorded with your name and the time)</source>
        <translation>Por qué hace falta una copia sin anonimizar (queda registrado con su nombre y la hora)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>I confirm this copy names the people involved and will be recorded in the log</source>
        <translation>Confirmo que esta copia nombra a las personas implicadas y que quedará en el registro</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Idioma del informe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Marking:</source>
        <translation>Clasificación:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Guardar como:</translation>
    </message>
    <message>
        <source>Redaction review — every finding and what the copy prints. Keys: K keep, R redact, A attach to the person chosen below, D default. Each decision is recorded in the log.</source>
        <translation>Revisión de la anonimización — cada hallazgo y lo que imprime la copia. Teclas: K mantener, R anonimizar, A asignar a la persona elegida abajo, D por defecto. Cada decisión queda en el registro.</translation>
    </message>
    <message>
        <source>Redaction findings</source>
        <translation>Hallazgos de la anonimización</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Hallado</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>Printed as</source>
        <translation>Se imprime</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Person to attach the finding to</source>
        <translation>Persona a la que asignar el hallazgo</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>Hacer el informe</translation>
    </message>
    <message>
        <source>Reading the log for the redaction review…</source>
        <translation>Leyendo el registro para la revisión de la anonimización…</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 hallazgos</translation>
    </message>
    <message>
        <source>, %1 of them also at the start of a sentence (check those)</source>
        <translation>, %1 de ellos también al principio de una frase (revíselos)</translation>
    </message>
    <message>
        <source>The redaction review could not be read (%1).</source>
        <translation>No se ha podido leer la revisión de la anonimización (%1).</translation>
    </message>
    <message>
        <source>Choose the person to attach it to first (the list beside the buttons).</source>
        <translation>Elija antes la persona a la que asignarlo (la lista junto a los botones).</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Guardar el informe como</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report (reading the log and checking the chain first)…</source>
        <translation>Haciendo el informe (primero se lee el registro y se comprueba la cadena)…</translation>
    </message>
    <message>
        <source>Written: %1 (%2 pages).</source>
        <translation>Escrito: %1 (%2 páginas).</translation>
    </message>
    <message>
        <source>The report could not be made (internal error: %1). Nothing was written.</source>
        <translation>No se ha podido hacer el informe (error interno: %1). No se ha escrito nada.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Not yet reviewed</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>Reviewed up to #%1 at %2%3</source>
        <translation>Revisado hasta la n.º %1 a las %2%3</translation>
    </message>
    <message>
        <source>Reviewed up to #%1</source>
        <translation>Revisado hasta la n.º %1</translation>
    </message>
    <message>
        <source>Reviewed up to</source>
        <translation>Revisado hasta</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <source>On the phone {time} · {who}</source>
        <translation>Al teléfono {time} · {who}</translation>
    </message>
    <message>
        <source>On the phone: {who}</source>
        <translation>Al teléfono: {who}</translation>
    </message>
    <message>
        <source>  ☎ now</source>
        <translation>  ☎ ahora</translation>
    </message>
    <message>
        <source>Nobody on the phone</source>
        <translation>Nadie al teléfono</translation>
    </message>
    <message>
        <source>On the phone</source>
        <translation>Al teléfono</translation>
    </message>
    <message>
        <source>Roles now</source>
        <translation>Funciones ahora</translation>
    </message>
    <message>
        <source>Time on the phone</source>
        <translation>Tiempo al teléfono</translation>
    </message>
</context>
<context>
    <name>summary_dialog</name>
    <message>
        <source>Situation summary — {ref}</source>
        <translation>Resumen de situación — {ref}</translation>
    </message>
    <message>
        <source>The summary could not be made (internal error: {kind}). Nothing was written.</source>
        <translation>No se ha podido hacer el resumen (error interno: {kind}). No se ha escrito nada.</translation>
    </message>
    <message>
        <source>Assessment recorded as entry #{seq}.</source>
        <translation>Valoración registrada como anotación n.º {seq}.</translation>
    </message>
    <message>
        <source>Written: {path} ({pages} page(s), {copy}).</source>
        <translation>Escrito: {path} ({pages} página(s), {copy}).</translation>
    </message>
    <message>
        <source>Type the assessment and recommendations first; nothing was recorded.</source>
        <translation>Escriba antes la valoración y las recomendaciones; no se ha registrado nada.</translation>
    </message>
    <message>
        <source>An unredacted summary needs a reason (it is recorded in the log with your callsign).</source>
        <translation>Un resumen sin anonimizar necesita un motivo (queda en el registro con su indicativo).</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Haciendo el PDF…</translation>
    </message>
    <message>
        <source>Situation summary</source>
        <translation>Resumen de situación</translation>
    </message>
    <message>
        <source>The position now: phone, demands, offers owed, contact, risks, hooks, triggers and decisions. Arrow keys scroll.</source>
        <translation>La situación ahora: teléfono, demandas, ofrecimientos pendientes, contacto, riesgos, enganches, temas a evitar y decisiones. Las flechas desplazan.</translation>
    </message>
    <message>
        <source>&amp;Assessment and recommendations (recorded in the log):</source>
        <translation>&amp;Valoración y recomendaciones (quedan en el registro):</translation>
    </message>
    <message>
        <source>Assessment and recommendations</source>
        <translation>Valoración y recomendaciones</translation>
    </message>
    <message>
        <source>Your reading of the situation and what you recommend; Ctrl+Return records it as an entry</source>
        <translation>Su lectura de la situación y lo que recomienda; Ctrl+Intro lo registra como anotación</translation>
    </message>
    <message>
        <source>&amp;Redacted copy (people by label)</source>
        <translation>Copia &amp;anonimizada (personas por etiqueta)</translation>
    </message>
    <message>
        <source>Redacted copy</source>
        <translation>Copia anonimizada</translation>
    </message>
    <message>
        <source>People appear by their labels; checked for leaks before it is written</source>
        <translation>Las personas aparecen por su etiqueta; se comprueban fugas antes de escribirla</translation>
    </message>
    <message>
        <source>&amp;Unredacted copy — RESTRICTED (needs a reason, recorded)</source>
        <translation>Copia &amp;sin anonimizar — RESERVADA (necesita motivo, queda registrada)</translation>
    </message>
    <message>
        <source>Unredacted copy</source>
        <translation>Copia sin anonimizar</translation>
    </message>
    <message>
        <source>Names appear in full; the reason is recorded in the log</source>
        <translation>Los nombres aparecen completos; el motivo queda en el registro</translation>
    </message>
    <message>
        <source>Reason for an unredacted copy</source>
        <translation>Motivo de una copia sin anonimizar</translation>
    </message>
    <message>
        <source>Why names are needed (recorded with your callsign and the time)</source>
        <translation>Por qué hacen falta los nombres (queda registrado con su indicativo y la hora)</translation>
    </message>
    <message>
        <source>Reas&amp;on</source>
        <translation>M&amp;otivo</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Guardar el PDF como</translation>
    </message>
    <message>
        <source>The file the PDF is written to</source>
        <translation>El archivo en el que se escribe el PDF</translation>
    </message>
    <message>
        <source>Save &amp;as</source>
        <translation>Guardar &amp;como</translation>
    </message>
    <message>
        <source>Summary status</source>
        <translation>Estado del resumen</translation>
    </message>
    <message>
        <source>Record assessment (Ctrl+Return)</source>
        <translation>Registrar la valoración (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Record the assessment</source>
        <translation>Registrar la valoración</translation>
    </message>
    <message>
        <source>Writes the assessment to the log as an entry</source>
        <translation>Escribe la valoración en el registro como anotación</translation>
    </message>
    <message>
        <source>Save PDF (Ctrl+S)</source>
        <translation>Guardar PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Guardar el PDF</translation>
    </message>
    <message>
        <source>Records the assessment if it is new, then writes the PDF</source>
        <translation>Registra la valoración si es nueva y después escribe el PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the summary; what is recorded stays in the log</source>
        <translation>Cierra el resumen; lo registrado sigue en el registro</translation>
    </message>
    <message>
        <source>unredacted</source>
        <translation>sin anonimizar</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>anonimizada</translation>
    </message>
</context>
<context>
    <name>themes</name>
    <message>
        <source>Light (day)</source>
        <translation>Claro (día)</translation>
    </message>
    <message>
        <source>Dark (night work)</source>
        <translation>Oscuro (trabajo nocturno)</translation>
    </message>
    <message>
        <source>Night (red and amber on black)</source>
        <translation>Noche (rojo y ámbar sobre negro)</translation>
    </message>
</context>
<context>
    <name>timefmt</name>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
</context>
<context>
    <name>timeline_model</name>
    <message>
        <source>up to #{seq}</source>
        <translation>hasta la n.º {seq}</translation>
    </message>
    <message>
        <source>through #{seq}</source>
        <translation>hasta la n.º {seq} incluida</translation>
    </message>
    <message>
        <source>{seq} entries</source>
        <translation>{seq} anotaciones</translation>
    </message>
    <message>
        <source>… [%1 characters]</source>
        <translation>… [%1 caracteres]</translation>
    </message>
    <message>
        <source>%1  LATE +%2 min</source>
        <translation>%1  TARDÍA +%2 min</translation>
    </message>
    <message>
        <source>late because: </source>
        <translation>tardía porque: </translation>
    </message>
    <message>
        <source>Kept on this workstation, waiting to be sent to the cell server (it is not reachable yet). Its number may still change if another workstation&apos;s entries reach the server first.</source>
        <translation>Guardada en este puesto, en espera de enviarse al servidor de la célula (aún no se puede contactar). Su número aún puede cambiar si las anotaciones de otro puesto llegan antes al servidor.</translation>
    </message>
    <message>
        <source>Occurred %1
Recorded %2</source>
        <translation>Ocurrió %1
Registrada %2</translation>
    </message>
    <message>
        <source>
Recorded %1 min late</source>
        <translation>
Registrada %1 min tarde</translation>
    </message>
    <message>
        <source>
Origin: </source>
        <translation>
Origen: </translation>
    </message>
</context>
<context>
    <name>timeline_view</name>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>Cronología del incidente</translation>
    </message>
    <message>
        <source>Show kind</source>
        <translation>Mostrar tipo</translation>
    </message>
    <message>
        <source>Type a kind (or Alt+Down) to show only entries of that kind</source>
        <translation>Escriba un tipo (o Alt+Abajo) para ver solo las anotaciones de ese tipo</translation>
    </message>
    <message>
        <source>Show entries about person</source>
        <translation>Mostrar anotaciones sobre la persona</translation>
    </message>
    <message>
        <source>Type a name, alias or label to show only entries about them</source>
        <translation>Escriba un nombre, alias o etiqueta para ver solo las anotaciones sobre esa persona</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Buscar en el registro</translation>
    </message>
    <message>
        <source>Search the log (%1), Enter to search, Esc to clear</source>
        <translation>Buscar (%1), Intro busca, Esc borra</translation>
    </message>
    <message>
        <source>Jump to entry number</source>
        <translation>Ir al número de anotación</translation>
    </message>
    <message>
        <source>Follow the newest entry</source>
        <translation>Seguir la anotación más reciente</translation>
    </message>
    <message>
        <source>Following newest</source>
        <translation>Siguiendo la más reciente</translation>
    </message>
    <message>
        <source>Keep the newest entry in view (%1)</source>
        <translation>Mantener a la vista la anotación más reciente (%1)</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Anotaciones mostradas</translation>
    </message>
    <message>
        <source>Paused — follow newest</source>
        <translation>En pausa — seguir la más reciente</translation>
    </message>
    <message>
        <source>{n} shown</source>
        <translation>{n} mostradas</translation>
    </message>
    <message>
        <source>{n} entry</source>
        <translation>{n} anotación</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} anotaciones</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>{what}  ·  {key} undoes it ({seconds} s)</source>
        <translation>{what}  ·  {key} lo deshace ({seconds} s)</translation>
    </message>
    <message>
        <source>Undone: {what} (an amendment records the correction)</source>
        <translation>Deshecho: {what} (una corrección lo deja en el registro)</translation>
    </message>
    <message>
        <source>Nothing to undo: Ctrl+Z undoes a board action for {seconds} s after it; amend the entry instead (Ctrl+M).</source>
        <translation>Nada que deshacer: Ctrl+Z deshace una acción del panel durante {seconds} s; corrija la anotación en su lugar (Ctrl+M).</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Última acción</translation>
    </message>
    <message>
        <source>Last action and how to undo it</source>
        <translation>Última acción y cómo deshacerla</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <source>keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>la frase de contraseña</translation>
    </message>
</context>
<context>
    <name>viewer</name>
    <message>
        <source>reviewed up to #{upto} at {time}</source>
        <translation>revisado hasta la n.º {upto} a las {time}</translation>
    </message>
    <message>
        <source>Reviewed up to #{upto}</source>
        <translation>Revisado hasta la n.º {upto}</translation>
    </message>
    <message>
        <source>Why should entry #{seq} be discussed at the debrief?</source>
        <translation>¿Por qué debe tratarse la anotación n.º {seq} en la revisión?</translation>
    </message>
    <message>
        <source>SEALED at {time}: nothing more can be recorded until it is reopened with a reason</source>
        <translation>SELLADO a las {time}: no se puede registrar nada más hasta reabrirlo con un motivo</translation>
    </message>
    <message>
        <source>Reviewed up to #{upto} (the first review: record a later one to move the mark)</source>
        <translation>Revisado hasta la n.º {upto} (la primera revisión: registre una posterior para mover la marca)</translation>
    </message>
    <message>
        <source>Incident status</source>
        <translation>Estado del incidente</translation>
    </message>
    <message>
        <source>Author and vault</source>
        <translation>Autor y almacén</translation>
    </message>
    <message>
        <source>Incident Log</source>
        <translation>Registro de Incidentes</translation>
    </message>
    <message>
        <source> [EXERCISE]</source>
        <translation> [EJERCICIO]</translation>
    </message>
    <message>
        <source> — SEALED</source>
        <translation> — SELLADO</translation>
    </message>
    <message>
        <source>no callsign set</source>
        <translation>sin indicativo</translation>
    </message>
    <message>
        <source>Author: %1 · vault unlocked with %2</source>
        <translation>Autor: %1 · almacén desbloqueado con %2</translation>
    </message>
    <message>
        <source>{n} entry</source>
        <translation>{n} anotación</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} anotaciones</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>%1 marcadas</translation>
    </message>
    <message>
        <source>That board is not part of this window.</source>
        <translation>Ese panel no forma parte de esta ventana.</translation>
    </message>
    <message>
        <source>Boards hidden: {key} brings them back, Alt+1 … Alt+6 raise one.</source>
        <translation>Paneles ocultos: {key} los devuelve, Alt+1 … Alt+6 traen uno al frente.</translation>
    </message>
    <message>
        <source>Select an entry in the timeline first (Shift+F6 goes there).</source>
        <translation>Seleccione antes una anotación en la cronología (Mayús+F6 va allí).</translation>
    </message>
    <message>
        <source>Typing does nothing in the timeline of this window: nothing was recorded. F6 moves between panes.</source>
        <translation>Escribir en la cronología de esta ventana no hace nada: no se ha registrado nada. F6 pasa de una zona a otra.</translation>
    </message>
    <message>
        <source>Select the entry to flag in the timeline first.</source>
        <translation>Seleccione antes en la cronología la anotación que quiere marcar.</translation>
    </message>
    <message>
        <source>Flag for debrief</source>
        <translation>Marcar para la revisión</translation>
    </message>
    <message>
        <source>%1 (back to #%2)</source>
        <translation>%1 (vuelve a la n.º %2)</translation>
    </message>
    <message>
        <source>No alarm to acknowledge.</source>
        <translation>No hay alarma de la que acusar recibo.</translation>
    </message>
    <message>
        <source>Acknowledged (#%1): %2</source>
        <translation>Atendida (n.º %1): %2</translation>
    </message>
</context>
</TS>
