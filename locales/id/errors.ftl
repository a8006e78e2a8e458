### Pesan berbahasa Indonesia untuk kode kesalahan numerik API terbuka bergaya Baidu.
###
### Glosarium (sama di ke-36 pesan): access token → token akses, API key → kunci API,
### session key → kunci sesi, signature → tanda tangan, parameter → parameter,
### data store → penyimpanan data, batch → batch, method → metode, referer → perujuk.
### API, IP, dan ID tetap dalam huruf Latin; nama parameter (call_id, timestamp) dan nama API
### (begin_batch, end_batch, start_batch) tidak diterjemahkan.
### Ragam resmi: "telah", bukan "sudah"; "kesalahan", bukan "galat".

error-0 = Berhasil
error-1 = Terjadi kesalahan yang tidak diketahui
error-2 = Layanan untuk sementara tidak tersedia
error-3 = Metode API tidak didukung
error-4 = Batas permintaan API tercapai
error-5 = Alamat IP klien tidak diizinkan: { $ip }
error-6 = Tidak ada izin untuk mengakses data pengguna ini
error-7 = Tidak ada izin untuk mengakses data dari perujuk ini
error-100 = Parameter tidak valid
error-101 = Kunci API tidak valid
error-102 = Kunci sesi tidak valid atau tidak berlaku lagi
error-103 = Parameter call_id tidak valid atau telah digunakan
error-104 = Tanda tangan salah
error-105 = Terlalu banyak parameter
error-106 = Metode tanda tangan tidak didukung
error-107 = Parameter timestamp tidak valid atau telah digunakan
error-108 = ID pengguna tidak valid
error-109 = Kolom informasi pengguna tidak valid
error-110 = Token akses tidak valid atau tidak berlaku lagi
error-111 = Token akses telah kedaluwarsa
error-112 = Kunci sesi telah kedaluwarsa
error-114 = Alamat IP tidak valid
error-210 = Pengguna tidak terlihat
error-211 = Tidak ada izin untuk mengambil kolom yang diminta
error-212 = Tidak ada izin untuk mengakses email pengguna
error-800 = Terjadi kesalahan yang tidak diketahui pada API penyimpanan data
error-801 = Operasi tidak valid
error-802 = Kuota penyimpanan data yang diizinkan terlampaui
error-803 = Objek yang ditentukan tidak ditemukan
error-804 = Objek yang ditentukan telah ada
error-805 = Terjadi kesalahan basis data. Silakan coba lagi
error-900 = Aplikasi yang dimaksud tidak ditemukan
error-950 = begin_batch telah dipanggil, panggil end_batch terlebih dahulu
error-951 = end_batch dipanggil sebelum start_batch
error-952 = Setiap batch API tidak boleh berisi lebih dari 20 item
error-953 = Metode tidak diizinkan dalam mode batch
