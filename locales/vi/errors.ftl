### Thông báo tiếng Việt cho các mã lỗi dạng số của một API mở theo kiểu Baidu.
###
### Bảng thuật ngữ (thống nhất trong cả 36 thông báo): access token → token truy cập,
### API key → khóa API, session key → khóa phiên, signature → chữ ký, parameter → tham số,
### data store → kho dữ liệu, batch → lô, method → phương thức,
### referer → referer (giữ nguyên: “trang giới thiệu” dễ bị hiểu là trang “Giới thiệu”).
### API, IP và ID giữ nguyên chữ Latinh; tên tham số (call_id, timestamp) và tên API
### (begin_batch, end_batch, start_batch) giữ nguyên.

error-0 = Thành công
error-1 = Lỗi không xác định
error-2 = Dịch vụ tạm thời không khả dụng
error-3 = Phương thức API không được hỗ trợ
error-4 = Đã đạt giới hạn số yêu cầu API
error-5 = Địa chỉ IP của máy khách không được phép: { $ip }
error-6 = Không có quyền truy cập dữ liệu của người dùng này
error-7 = Không có quyền truy cập dữ liệu từ referer này
error-100 = Tham số không hợp lệ
error-101 = Khóa API không hợp lệ
error-102 = Khóa phiên không hợp lệ hoặc đã hết hiệu lực
error-103 = Tham số call_id không hợp lệ hoặc đã được sử dụng
error-104 = Chữ ký không chính xác
error-105 = Quá nhiều tham số
error-106 = Phương thức chữ ký không được hỗ trợ
error-107 = Tham số timestamp không hợp lệ hoặc đã được sử dụng
error-108 = ID người dùng không hợp lệ
error-109 = Trường thông tin người dùng không hợp lệ
error-110 = Token truy cập không hợp lệ hoặc đã hết hiệu lực
error-111 = Token truy cập đã hết hạn
error-112 = Khóa phiên đã hết hạn
error-114 = Địa chỉ IP không hợp lệ
error-210 = Không thể xem người dùng này
error-211 = Không có quyền lấy trường được yêu cầu
error-212 = Không có quyền truy cập email của người dùng
error-800 = Lỗi không xác định của API kho dữ liệu
error-801 = Thao tác không hợp lệ
error-802 = Đã vượt quá hạn mức cho phép của kho dữ liệu
error-803 = Không tìm thấy đối tượng được chỉ định
error-804 = Đối tượng được chỉ định đã tồn tại
error-805 = Đã xảy ra lỗi cơ sở dữ liệu. Vui lòng thử lại
error-900 = Ứng dụng không tồn tại
error-950 = begin_batch đã được gọi, vui lòng gọi end_batch trước
error-951 = end_batch được gọi trước start_batch
error-952 = Mỗi lô API không được chứa quá 20 mục
error-953 = Phương thức này không được phép dùng trong chế độ lô
