### Pesan berbahasa Indonesia untuk kode galat numerik API terbuka bergaya Baidu.
###
### Glosarium (sama di ke-36 pesan): access token → token akses, API key → kunci API,
### session key → kunci sesi, signature → tanda tangan, parameter → parameter,
### data store → penyimpanan data, batch → batch, method → metode, referer → perujuk.
### API, IP, dan ID tetap dalam huruf Latin; nama parameter (call_id, timestamp) dan nama API
### (begin_batch, end_batch, start_batch) tidak diterjemahkan.

error-0 = Berhasil
error-1 = Terjadi kesalahan yang tidak diketahui
error-2 = Layanan untuk sementara tidak tersedia
error-3 = Metode API tidak didukung
error-4 = Batas permintaan API tercapai
error-5 = Alamat IP klien tidak diizinkan: { $ip }
error-6 = Tidak ada izin untuk mengakses data
error-7 = Tidak ada izin untuk mengakses data dari perujuk ini
error-100 = Parameter tidak valid
error-101 = Kunci API tidak valid
error-102 = Kunci sesi tidak valid atau sudah tidak berlaku
error-103 = Parameter call_id tidak valid atau sudah digunakan
error-104 = Tanda tangan salah
error-105 = Terlalu banyak parameter
error-106 = Metode tanda tangan tidak didukung
error-107 = Parameter timestamp tidak valid atau sudah digunakan
error-108 = ID pengguna tidak valid
error-109 = Kolom info pengguna tidak valid
error-110 = Token akses tidak valid atau sudah tidak berlaku
error-111 = Token akses sudah kedaluwarsa
error-112 = Kunci sesi sudah kedaluwarsa
error-114 = Alamat IP tidak valid
error-210 = Pengguna tidak terlihat
error-211 = Izin tidak didukung
error-212 = Tidak ada izin untuk mengakses email pengguna
error-800 = Kesalahan API penyimpanan data yang tidak diketahui
error-801 = Operasi tidak valid
error-802 = Kuota penyimpanan data yang diizinkan terlampaui
error-803 = Objek yang ditentukan tidak ditemukan
error-804 = Objek yang ditentukan sudah ada
error-805 = Terjadi kesalahan basis data. Silakan coba lagi
error-900 = Aplikasi tidak ada
error-950 = begin_batch sudah dipanggil, panggil end_batch terlebih dahulu
error-951 = end_batch dipanggil sebelum start_batch
error-952 = Setiap batch API tidak boleh berisi lebih dari 20 item
error-953 = Metode tidak diizinkan dalam mode batch
