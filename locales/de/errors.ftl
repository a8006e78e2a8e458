### Deutsche Meldungen zu den numerischen Fehlercodes einer offenen API im Stil von Baidu.
###
### Glossar (in allen 36 Meldungen gleich): access token → Zugriffstoken, API key → API-Schlüssel,
### session key → Sitzungsschlüssel, signature → Signatur, parameter → Parameter,
### data store → Datenspeicher, batch → Batch, method → Methode, referer → Referer.
### API, IP und ID bleiben in lateinischer Schrift; Parameternamen (call_id, timestamp) und
### API-Namen (begin_batch, end_batch, start_batch) bleiben unverändert.

error-0 = Erfolgreich
error-1 = Unbekannter Fehler
error-2 = Dienst vorübergehend nicht verfügbar
error-3 = Nicht unterstützte API-Methode
error-4 = API-Anfragelimit erreicht
error-5 = Nicht autorisierte Client-IP-Adresse: { $ip }
error-6 = Keine Berechtigung für den Zugriff auf die Daten dieses Benutzers
error-7 = Keine Berechtigung für den Datenzugriff über diesen Referer
error-100 = Ungültiger Parameter
error-101 = Ungültiger API-Schlüssel
error-102 = Sitzungsschlüssel ungültig oder nicht mehr gültig
error-103 = Parameter call_id ungültig oder bereits verwendet
error-104 = Ungültige Signatur
error-105 = Zu viele Parameter
error-106 = Nicht unterstützte Signaturmethode
error-107 = Parameter timestamp ungültig oder bereits verwendet
error-108 = Ungültige Benutzer-ID
error-109 = Ungültiges Feld für Benutzerinformationen
error-110 = Zugriffstoken ungültig oder nicht mehr gültig
error-111 = Zugriffstoken abgelaufen
error-112 = Sitzungsschlüssel abgelaufen
error-114 = Ungültige IP-Adresse
error-210 = Benutzer nicht sichtbar
error-211 = Keine Berechtigung für das angeforderte Feld
error-212 = Keine Berechtigung für den Zugriff auf die E-Mail-Adresse des Benutzers
error-800 = Unbekannter Fehler der Datenspeicher-API
error-801 = Ungültiger Vorgang
error-802 = Zulässiges Datenspeicherkontingent überschritten
error-803 = Angegebenes Objekt nicht gefunden
error-804 = Angegebenes Objekt existiert bereits
error-805 = Datenbankfehler. Bitte versuchen Sie es erneut
error-900 = Diese Anwendung existiert nicht
error-950 = begin_batch wurde bereits aufgerufen; rufen Sie zuerst end_batch auf
error-951 = end_batch vor start_batch aufgerufen
error-952 = Ein Batch darf nicht mehr als 20 API-Aufrufe enthalten
error-953 = Methode im Batch-Modus nicht zulässig
