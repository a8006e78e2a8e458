### Messages for the numeric error codes of a Baidu-style open API.
###
### Each message id is `error-<code>`, where <code> is the number the API
### returns in `error_code`. The text is shown to API clients and end users.
### en-US is the reference locale: every other locale translates these ids.

## General (0-7): the call itself, its method, rate limits and access.

# The call succeeded; returned with code 0.
error-0 = Success

# Something failed and no more specific code applies.
error-1 = Unknown error

# The service is down or overloaded for a while; the client may retry later.
error-2 = Service temporarily unavailable

# The client called an API method that does not exist.
error-3 = Unsupported openapi method

# The application has used up its quota of API calls.
error-4 = Open api request limit reached

# The request came from an IP address that is not on the allow-list.
# $ip (String) - the client's IP address, for example 203.0.113.7.
error-5 = Unauthorized client IP address:{ $ip }

# The caller may not read this user's data.
error-6 = No permission to access data

# Requests from this HTTP referer (the page that sent them) are not allowed.
error-7 = No permission to access data for this referer

## Parameters and authentication (100-114): request parameters, keys,
## signatures, timestamps and tokens.

# A request parameter is missing or has a wrong value.
error-100 = Invalid parameter

# The API key is unknown or revoked.
error-101 = Invalid API key

# The session key is wrong or no longer accepted.
error-102 = Session key invalid or no longer valid

# The call_id parameter is invalid or was already used (it must increase).
error-103 = Invalid/Used call_id parameter

# The request signature does not match its parameters.
error-104 = Incorrect signature

# The request carries more parameters than the API accepts.
error-105 = Too many parameters

# The signature method named in the request is not supported.
error-106 = Unsupported signature method

# The timestamp parameter is invalid or was already used.
error-107 = Invalid/Used timestamp parameter

# The user id in the request does not exist or is malformed.
error-108 = Invalid user id

# The request asks for a user profile field that does not exist.
error-109 = Invalid user info field

# The OAuth access token is wrong or has been revoked.
error-110 = Access token invalid or no longer valid

# The OAuth access token has expired; the client must refresh it.
error-111 = Access token expired

# The session key has expired.
error-112 = Session key expired

# The ip parameter of the request is not a valid IP address.
error-114 = Invalid Ip

## Users (210-212): visibility and permissions on user data.

# The user's profile is hidden from this caller.
error-210 = User not visible

# The application asked for a field it has no permission for.
error-211 = Unsupported permission

# The application may not read the user's email address.
error-212 = No permission to access user email

## Data store (800-805): the hosted storage API.

# The data store failed for a reason it could not name.
error-800 = Unknown data store API error

# The data store operation is not a valid one.
error-801 = Invalid operation

# The application has used up its storage quota.
error-802 = Data store allowable quota was exceeded

# The object named in the request does not exist.
error-803 = Specified object cannot be found

# An object with this name or key already exists.
error-804 = Specified object already exists

# The database failed; the same request may succeed when retried.
error-805 = A database error occurred. Please try again

## Application (900).

# The application named in the request does not exist.
error-900 = No such application exists

## Batch calls (950-953): several API calls sent as one batch.

# begin_batch was called while an earlier batch was still open.
error-950 = begin_batch already called, please make sure to call end_batch first

# end_batch was called with no batch open. (The API names the opening call
# both begin_batch and start_batch; keep the names as they are.)
error-951 = end_batch called before start_batch

# A batch may hold at most 20 calls.
error-952 = Each batch API can not contain more than 20 items

# This method cannot be called inside a batch.
error-953 = Method is not allowed in batch mode
