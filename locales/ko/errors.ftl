### 바이두 형식 오픈 API가 반환하는 숫자 오류 코드의 한국어 메시지.
###
### 용어집(36개 메시지 전체에서 통일): access token → 액세스 토큰, API key → API 키,
### session key → 세션 키, signature → 서명, parameter → 매개변수, data store → 데이터 저장소,
### batch → 일괄 처리, method → 메서드(API 메서드에만 쓴다. 106의 signature method는 '서명 방식'),
### referer → 리퍼러, quota → 할당량.
### API, IP, ID는 라틴 문자 그대로 쓰고, 매개변수 이름(call_id, timestamp)과
### API 이름(begin_batch, end_batch, start_batch)은 원문 그대로 둔다.

error-0 = 성공했습니다
error-1 = 알 수 없는 오류가 발생했습니다
error-2 = 서비스를 일시적으로 사용할 수 없습니다
error-3 = 지원되지 않는 API 메서드입니다
error-4 = API 요청 한도에 도달했습니다
error-5 = 허용되지 않은 클라이언트 IP 주소입니다: { $ip }
error-6 = 이 사용자의 데이터에 접근할 권한이 없습니다
error-7 = 이 리퍼러에서는 데이터에 접근할 권한이 없습니다
error-100 = 잘못된 매개변수입니다
error-101 = 잘못된 API 키입니다
error-102 = 세션 키가 잘못되었거나 더 이상 유효하지 않습니다
error-103 = call_id 매개변수가 잘못되었거나 이미 사용되었습니다
error-104 = 서명이 올바르지 않습니다
error-105 = 매개변수가 너무 많습니다
error-106 = 지원되지 않는 서명 방식입니다
error-107 = timestamp 매개변수가 잘못되었거나 이미 사용되었습니다
error-108 = 잘못된 사용자 ID입니다
error-109 = 잘못된 사용자 정보 필드입니다
error-110 = 액세스 토큰이 잘못되었거나 더 이상 유효하지 않습니다
error-111 = 액세스 토큰이 만료되었습니다
error-112 = 세션 키가 만료되었습니다
error-114 = 잘못된 IP 주소입니다
error-210 = 사용자를 볼 수 없습니다
error-211 = 권한이 없는 필드를 요청했습니다
error-212 = 사용자 이메일에 접근할 권한이 없습니다
error-800 = 알 수 없는 데이터 저장소 API 오류입니다
error-801 = 잘못된 작업입니다
error-802 = 데이터 저장소 할당량을 초과했습니다
error-803 = 지정한 개체를 찾을 수 없습니다
error-804 = 지정한 개체가 이미 있습니다
error-805 = 데이터베이스 오류가 발생했습니다. 다시 시도해 주세요
error-900 = 해당 애플리케이션이 없습니다
error-950 = begin_batch가 이미 호출되었습니다. 먼저 end_batch를 호출하세요
error-951 = start_batch보다 먼저 end_batch가 호출되었습니다
error-952 = 일괄 처리 API 하나에 20개를 초과하는 항목을 넣을 수 없습니다
error-953 = 일괄 처리 모드에서는 이 메서드를 사용할 수 없습니다
