extends Reference
# Shared by the http_*.gd programs.  The command line ends with two ports: the
# loopback server's, then one that refuses connections.  Every wait is bounded
# so a broken client cannot hang.

const MAX_POLLS = 3000


static func ports():
	var found = []
	for arg in OS.get_cmdline_args():
		if arg.is_valid_integer():
			found.append(int(arg))
	return found


static func server_port():
	return ports()[0]


static func refused_port():
	return ports()[1]


static func open():
	var client = HTTPClient.new()
	var err = client.connect_to_host("127.0.0.1", server_port())
	if err != OK:
		print("connect_to_host returned ", err)
	wait_while(client, [HTTPClient.STATUS_RESOLVING, HTTPClient.STATUS_CONNECTING])
	return client


static func wait_while(client, statuses):
	var polls = 0
	while client.get_status() in statuses and polls < MAX_POLLS:
		client.poll()
		if client.get_status() in statuses:
			OS.delay_msec(1)
		polls += 1


static func send(client, method, url, headers = [], body = ""):
	var err = client.request(method, url, headers, body)
	if err != OK:
		print("request returned ", err)
	wait_while(client, [HTTPClient.STATUS_REQUESTING])


static func read_body(client):
	var body = PoolByteArray()
	var polls = 0
	while client.get_status() == HTTPClient.STATUS_BODY and polls < MAX_POLLS:
		client.poll()
		var chunk = client.read_response_body_chunk()
		if chunk.size() == 0:
			OS.delay_msec(1)
		body.append_array(chunk)
		polls += 1
	return body.get_string_from_utf8()


static func describe(client):
	print("code: ", client.get_response_code())
	print("chunked: ", client.is_response_chunked())
	print("body length: ", client.get_response_body_length())
