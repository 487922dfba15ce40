extends SceneTree
# What goes wrong before a response: a refused connection, calls in the wrong
# status, and what a closed client reports.

const Util = preload("res://http_util.helper.gd")


func statuses_until_settled(client):
	var seen = [client.get_status()]
	for i in range(Util.MAX_POLLS):
		var status = client.get_status()
		if status != HTTPClient.STATUS_CONNECTING and status != HTTPClient.STATUS_RESOLVING:
			break
		print_poll(client.poll(), seen)
		if client.get_status() != seen.back():
			seen.append(client.get_status())
		OS.delay_msec(1)
	return seen


var poll_results = []


func print_poll(result, seen):
	if poll_results.empty() or poll_results.back() != result:
		poll_results.append(result)


func _init():
	var client = HTTPClient.new()
	print("fresh status: ", client.get_status())
	print("fresh code: ", client.get_response_code())
	print("request unconnected: ", client.request(HTTPClient.METHOD_GET, "/hello", []))
	print("chunk unconnected: ", client.read_response_body_chunk().size())
	print("poll unconnected: ", client.poll())
	print("connect: ", client.connect_to_host("127.0.0.1", Util.refused_port()))
	print("refused: ", statuses_until_settled(client), " polls ", poll_results)
	print("poll after refusal: ", client.poll())
	poll_results = []
	print("connect again: ", client.connect_to_host("127.0.0.1", Util.server_port()))
	print("connected: ", statuses_until_settled(client), " polls ", poll_results)
	print("relative url: ", client.request(HTTPClient.METHOD_GET, "hello", []))
	print("bad method: ", client.request(HTTPClient.METHOD_MAX, "/hello", []))
	print("status: ", client.get_status())
	client.close()
	print("closed: ", client.get_status(), " code ", client.get_response_code())
	quit()
