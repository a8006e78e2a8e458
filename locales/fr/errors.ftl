### Messages en français des codes d'erreur numériques d'une API ouverte de type Baidu.
###
### Glossaire (le même dans les 36 messages) : access token → jeton d'accès, API key → clé d'API,
### session key → clé de session, signature → signature, parameter → paramètre,
### data store → stockage de données, batch → lot, method → méthode, referer → référent,
### ID → identifiant. API et IP restent en lettres latines ; les noms de paramètres (call_id,
### timestamp) et d'API (begin_batch, end_batch, start_batch) restent tels quels.
### Typographie : espace insécable (U+00A0) avant « : » et « ; », comme le veut l'usage français.

error-0 = Succès
error-1 = Erreur inconnue
error-2 = Service temporairement indisponible
error-3 = Méthode d'API non prise en charge
error-4 = Limite de requêtes de l'API atteinte
error-5 = Adresse IP du client non autorisée : { $ip }
error-6 = Accès aux données de cet utilisateur non autorisé
error-7 = Accès aux données non autorisé pour ce référent
error-100 = Paramètre non valide
error-101 = Clé d'API non valide
error-102 = Clé de session non valide ou révoquée
error-103 = Paramètre call_id non valide ou déjà utilisé
error-104 = Signature incorrecte
error-105 = Trop de paramètres
error-106 = Méthode de signature non prise en charge
error-107 = Paramètre timestamp non valide ou déjà utilisé
error-108 = Identifiant d'utilisateur non valide
error-109 = Champ d'informations utilisateur non valide
error-110 = Jeton d'accès non valide ou révoqué
error-111 = Jeton d'accès expiré
error-112 = Clé de session expirée
error-114 = Adresse IP non valide
error-210 = Utilisateur non visible
error-211 = Accès au champ demandé non autorisé
error-212 = Accès à l'adresse e-mail de l'utilisateur non autorisé
error-800 = Erreur inconnue de l'API de stockage de données
error-801 = Opération non valide
error-802 = Quota de stockage de données dépassé
error-803 = Objet spécifié introuvable
error-804 = L'objet spécifié existe déjà
error-805 = Une erreur de base de données s'est produite. Veuillez réessayer
error-900 = Cette application n'existe pas
error-950 = begin_batch a déjà été appelé ; appelez d'abord end_batch
error-951 = end_batch appelé avant start_batch
error-952 = Un lot ne peut pas contenir plus de 20 appels d'API
error-953 = Méthode non autorisée en mode lot
