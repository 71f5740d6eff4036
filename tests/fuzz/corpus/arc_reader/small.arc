filedesc://x.arc 0.0.0.0 20140216050221 text/plain 5
1 0 x

http://a/ 1.2.3.4 20140216 text/html 30
HTTP/1.1 404 NF

<p>gone</p>
