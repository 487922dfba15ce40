extends SceneTree
# HEAD: the headers announce a length, but there is no body to read.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	Util.send(client, HTTPClient.METHOD_HEAD, "/hello")
	print("status: ", client.get_status())
	Util.describe(client)
	print("headers: ", client.get_response_headers())
	var first = client.read_response_body_chunk()
	print("first chunk size: ", first.size())
	print("status after first chunk: ", client.get_status())
	# The connection stays usable after a HEAD.
	Util.send(client, HTTPClient.METHOD_GET, "/hello")
	Util.describe(client)
	print("body: ", Util.read_body(client).strip_edges())
	quit()
