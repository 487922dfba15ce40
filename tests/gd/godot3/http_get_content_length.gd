extends SceneTree
# GET of a body framed by Content-Length, read chunk by chunk.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	print("connected: ", client.get_status() == HTTPClient.STATUS_CONNECTED)
	Util.send(client, HTTPClient.METHOD_GET, "/hello")
	print("status: ", client.get_status())
	print("has response: ", client.has_response())
	Util.describe(client)
	print("headers: ", client.get_response_headers())
	var body = Util.read_body(client)
	print("body: ", body.strip_edges())
	print("body size: ", body.length())
	print("status after body: ", client.get_status())
	client.close()
	print("status after close: ", client.get_status())
	quit()
