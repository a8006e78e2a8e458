### Mensajes en español de los códigos de error numéricos de una API abierta al estilo de Baidu.
###
### Glosario (el mismo en los 36 mensajes): access token → token de acceso, API key → clave de API,
### session key → clave de sesión, signature → firma, parameter → parámetro,
### data store → almacén de datos, batch → lote, method → método, referer → referer.
### API, IP e ID quedan en letras latinas; los nombres de parámetros (call_id, timestamp) y de
### API (begin_batch, end_batch, start_batch) quedan como están.
### Español neutro: formas nominales («Token de acceso caducado»), no el pretérito perfecto
### simple («caducó», «se alcanzó»), que suena latinoamericano, ni el compuesto, que suena peninsular.

error-0 = Operación correcta
error-1 = Error desconocido
error-2 = Servicio no disponible temporalmente
error-3 = Método de API no admitido
error-4 = Límite de solicitudes de la API alcanzado
error-5 = Dirección IP del cliente no autorizada: { $ip }
error-6 = Sin permiso para acceder a los datos de este usuario
error-7 = Sin permiso para acceder a los datos desde este referer
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
error-111 = Token de acceso caducado
error-112 = Clave de sesión caducada
error-114 = Dirección IP no válida
error-210 = Usuario no visible
error-211 = Sin permiso para obtener el campo solicitado
error-212 = Sin permiso para acceder al correo electrónico del usuario
error-800 = Error desconocido de la API del almacén de datos
error-801 = Operación no válida
error-802 = Cuota permitida del almacén de datos superada
error-803 = Objeto especificado no encontrado
error-804 = El objeto especificado ya existe
error-805 = Error en la base de datos. Vuelva a intentarlo
error-900 = La aplicación no existe
error-950 = Llamada a begin_batch ya realizada; llame primero a end_batch
error-951 = Llamada a end_batch antes de start_batch
error-952 = Un lote no puede contener más de 20 llamadas a la API
error-953 = Método no permitido en modo por lotes
