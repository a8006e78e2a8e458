### Mensajes en español de los códigos de error numéricos de una API abierta al estilo de Baidu.
###
### Glosario (el mismo en los 36 mensajes): access token → token de acceso, API key → clave de API,
### session key → clave de sesión, signature → firma, parameter → parámetro,
### data store → almacén de datos, batch → lote, method → método, referer → referente.
### API, IP e ID quedan en letras latinas; los nombres de parámetros (call_id, timestamp) y de
### API (begin_batch, end_batch, start_batch) quedan como están.

error-0 = Operación correcta
error-1 = Error desconocido
error-2 = Servicio no disponible temporalmente
error-3 = Método de API no admitido
error-4 = Se alcanzó el límite de solicitudes de la API
error-5 = Dirección IP del cliente no autorizada: { $ip }
error-6 = Sin permiso para acceder a los datos
error-7 = Sin permiso para acceder a los datos desde este referente
error-100 = Parámetro no válido
error-101 = Clave de API no válida
error-102 = Clave de sesión no válida o revocada
error-103 = Parámetro call_id no válido o ya utilizado
error-104 = Firma incorrecta
error-105 = Demasiados parámetros
error-106 = Método de firma no admitido
error-107 = Parámetro timestamp no válido o ya utilizado
error-108 = ID de usuario no válido
error-109 = Campo de información de usuario no válido
error-110 = Token de acceso no válido o revocado
error-111 = El token de acceso caducó
error-112 = La clave de sesión caducó
error-114 = Dirección IP no válida
error-210 = Usuario no visible
error-211 = Permiso no admitido
error-212 = Sin permiso para acceder al correo electrónico del usuario
error-800 = Error desconocido de la API del almacén de datos
error-801 = Operación no válida
error-802 = Se superó la cuota permitida del almacén de datos
error-803 = No se encontró el objeto especificado
error-804 = El objeto especificado ya existe
error-805 = Se produjo un error en la base de datos. Vuelva a intentarlo
error-900 = La aplicación no existe
error-950 = Ya se llamó a begin_batch; llame primero a end_batch
error-951 = Se llamó a end_batch antes que a start_batch
error-952 = Un lote no puede contener más de 20 llamadas a la API
error-953 = Método no permitido en modo por lotes
