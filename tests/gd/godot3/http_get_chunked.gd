extends SceneTree
# GET of a chunked body: the payload of every chunk, reassembled.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	Util.send(client, HTTPClient.METHOD_GET, "/chunked")
	print("status: ", client.get_status())
	Util.describe(client)
	print("headers: ", client.get_response_headers())
	var body = Util.read_body(client)
	print("body: [", body, "]")
	print("status after body: ", client.get_status())
	quit()
