"""Spanish translations, fourth part: the desktop in cell mode (see es_seed_1.py)."""
from es_seed_3 import ES, _put  # noqa: F401

_put("cell_dialog", [
("Connect to the cell", "Conectar con la célula"),
("This workstation shares its incidents with the cell's server. If the server cannot be reached, you can still "
 "record: entries are kept here and sent when it is back.",
 "Este puesto comparte sus incidentes con el servidor de la célula. Si no se puede contactar con el servidor, "
 "puede seguir registrando: las anotaciones se guardan aquí y se envían cuando vuelva."),
("Cell server address", "Dirección del servidor de la célula"), ("&Server address:", "&Servidor:"),
("Cell password", "Contraseña de la célula"),
("the 64 characters 'cell add-user' printed", "los 64 caracteres que mostró 'cell add-user'"),
("Vault passphrase", "Frase de paso del almacén"), ("Cell &password:", "&Contraseña de la célula:"),
("&Vault passphrase:", "&Frase de paso del almacén:"), ("&Connect", "C&onectar"),
("Work on this computer &only", "Trabajar &solo en este equipo"),
("The cell needs a password or passphrase.", "La célula necesita una contraseña o una frase de paso."),
])
_put("composer", [
("Kept #%1 at %2 on this workstation: sent to the cell server when it is back",
 "Guardada la n.º %1 a las %2 en este puesto: se enviará al servidor de la célula cuando vuelva"),
])
_put("connection", [
("Cell: connected — 1 entry waiting to be sent", "Célula: conectado — 1 anotación por enviar"),
("Cell: connected — %1 entries waiting to be sent", "Célula: conectado — %1 anotaciones por enviar"),
("Cell: connected — nothing waiting", "Célula: conectado — nada en espera"),
("Every entry is on the cell server and reaches the other workstations.",
 "Todas las anotaciones están en el servidor de la célula y llegan a los demás puestos."),
("Cell: offline — 1 entry waiting", "Célula: sin conexión — 1 anotación en espera"),
("Cell: offline — %1 entries waiting", "Célula: sin conexión — %1 anotaciones en espera"),
("The cell server cannot be reached. Keep typing: entries are kept on this workstation and sent, in order and "
 "once each, when it is back. Click to try now.",
 "No se puede contactar con el servidor de la célula. Siga escribiendo: las anotaciones se guardan en este puesto "
 "y se envían, en orden y una sola vez, cuando vuelva. Pulse para intentarlo ahora."),
("· %1 held", "· %1 retenidas"),
("Held entries were refused by the server (the incident was sealed elsewhere, or a person key was taken). They "
 "stay on this workstation; 'incident-log cell status' lists them.",
 "El servidor rechazó las anotaciones retenidas (el incidente se selló en otro puesto o la clave de una persona ya "
 "estaba usada). Siguen en este puesto; 'incident-log cell status' las enumera."),
("· the shared log does not match this copy", "· el registro compartido no coincide con esta copia"),
("Connection to the cell server", "Conexión con el servidor de la célula"),
])
_put("home", [("Incident Log — cell %1 · %2", "Incident Log — célula %1 · %2")])
_put("timeline_model", [
("Kept on this workstation, waiting to be sent to the cell server (it is not reachable yet). Its number may still "
 "change if another workstation's entries reach the server first.",
 "Guardada en este puesto, en espera de enviarse al servidor de la célula (aún no se puede contactar). Su número "
 "aún puede cambiar si las anotaciones de otro puesto llegan antes al servidor."),
])
_put("actions", [
("C&ell connection…", "Conexión con la c&élula…"),
("Connect this workstation to a cell server, or work on this computer only",
 "Conectar este puesto con el servidor de una célula, o trabajar solo en este equipo"),
])
_put("home", [
("Cell connection", "Conexión con la célula"),
("Work on this computer only? The windows close and reopen on this vault; the cell's incidents stay on the server "
 "(and in this workstation's copy). Entries still waiting are sent the next time you connect.",
 "¿Trabajar solo en este equipo? Las ventanas se cierran y se abren de nuevo sobre este almacén; los incidentes de "
 "la célula siguen en el servidor (y en la copia de este puesto). Las anotaciones aún en espera se envían la "
 "próxima vez que se conecte."),
("Connect to a cell", "Conectar con una célula"),
("The cell server's address, as the cell's administrator gave it "
 "(postgresql://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=CA.crt). The windows close and reopen on the cell.",
 "La dirección del servidor de la célula, tal como la dio su administrador "
 "(postgresql://USUARIO@EQUIPO:PUERTO/BD?sslmode=verify-full&sslrootcert=CA.crt). Las ventanas se cierran y se "
 "abren de nuevo sobre la célula."),
])
