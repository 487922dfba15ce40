extends SceneTree
# Every status seen while driving a client through connect, request and body,
# with repeats dropped (how many polls each takes depends on timing).

const MAX_POLLS = 3000
const Util = preload("res://http_util.helper.gd")

var seen = []


func note(client):
	var status = client.get_status()
	if seen.empty() or seen.back() != status:
		seen.append(status)


func drive(client):
	var polls = 0
	while polls < MAX_POLLS:
		note(client)
		var status = client.get_status()
		if status == HTTPClient.STATUS_BODY:
			client.read_response_body_chunk()
		elif status != HTTPClient.STATUS_RESOLVING and status != HTTPClient.STATUS_CONNECTING \
				and status != HTTPClient.STATUS_REQUESTING:
			return
		client.poll()
		OS.delay_msec(1)
		polls += 1


func _init():
	var client = HTTPClient.new()
	note(client)
	client.connect_to_host("127.0.0.1", Util.server_port())
	drive(client)
	print("connect: ", seen)
	for url in ["/hello", "/chunked", "/missing"]:
		seen = []
		client.request(HTTPClient.METHOD_GET, url, [])
		drive(client)
		print(url, ": ", seen, " code ", client.get_response_code())
	seen = []
	client.request(HTTPClient.METHOD_HEAD, "/hello", [])
	drive(client)
	print("HEAD: ", seen)
	client.close()
	seen = []
	note(client)
	print("closed: ", seen)
	print("poll when closed: ", client.poll())
	quit()
