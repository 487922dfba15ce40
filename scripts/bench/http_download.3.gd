extends SceneTree
# A large HTTP download from the runner's loopback server through the poll loop
# of the HTTPClient documentation, body accumulated with `rb = rb + chunk`.
# User arguments: PORT [SIZE]; the last one or two command-line arguments.
# The documented 500 ms waits while connecting/requesting are 1 ms here, so the
# figure measures the transfer, not the sleeps.


func _init():
	var args = OS.get_cmdline_args()
	var port = int(args[args.size() - 2])
	var size = int(args[args.size() - 1])
	var start = OS.get_ticks_msec()
	var http = HTTPClient.new()
	http.read_chunk_size = 65536
	var err = http.connect_to_host("127.0.0.1", port)
	assert(err == OK)
	while http.get_status() == HTTPClient.STATUS_CONNECTING or http.get_status() == HTTPClient.STATUS_RESOLVING:
		http.poll()
		OS.delay_msec(1)
	assert(http.get_status() == HTTPClient.STATUS_CONNECTED)
	err = http.request(HTTPClient.METHOD_GET, "/bytes/" + str(size), ["Accept: */*"])
	assert(err == OK)
	while http.get_status() == HTTPClient.STATUS_REQUESTING:
		http.poll()
		OS.delay_msec(1)
	assert(http.get_status() == HTTPClient.STATUS_BODY or http.get_status() == HTTPClient.STATUS_CONNECTED)
	var rb = PoolByteArray()
	while http.get_status() == HTTPClient.STATUS_BODY:
		http.poll()
		var chunk = http.read_response_body_chunk()
		if chunk.size() == 0:
			OS.delay_usec(1000)
		else:
			rb = rb + chunk
	var elapsed = OS.get_ticks_msec() - start
	print("checksum: ", http.get_response_code(), " ", rb.size(), " ", rb[0], " ", rb[rb.size() - 1])
	print("elapsed_ms: ", elapsed)
	quit()
