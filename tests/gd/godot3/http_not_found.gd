extends SceneTree
# A 404 is an ordinary response: code, headers and body are all there.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	Util.send(client, HTTPClient.METHOD_GET, "/no/such/page?x=1")
	print("status: ", client.get_status())
	Util.describe(client)
	print("headers: ", client.get_response_headers())
	print("body: ", Util.read_body(client).strip_edges())
	print("status after body: ", client.get_status())
	quit()
