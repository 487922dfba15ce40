extends SceneTree
# Two requests on one connection: the server counts the requests it served on it.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	for i in range(3):
		Util.send(client, HTTPClient.METHOD_GET, "/count")
		print("code: ", client.get_response_code())
		print("body: ", Util.read_body(client).strip_edges())
		print("status: ", client.get_status())
	# Asking again before the body is read is refused.
	Util.send(client, HTTPClient.METHOD_GET, "/count")
	print("busy request: ", client.request(HTTPClient.METHOD_GET, "/count", []))
	print("body: ", Util.read_body(client).strip_edges())
	# A new connection starts counting again.
	client.close()
	client = Util.open()
	Util.send(client, HTTPClient.METHOD_GET, "/count")
	print("after reconnect: ", Util.read_body(client).strip_edges())
	quit()
