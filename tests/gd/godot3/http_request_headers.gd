extends SceneTree
# The headers Godot 3 adds by itself, and which user headers replace them.

const Util = preload("res://http_util.helper.gd")


func show(client, method, url, headers, body):
	Util.send(client, method, url, headers, body)
	print(Util.read_body(client))


func _init():
	var client = Util.open()
	show(client, HTTPClient.METHOD_POST, "/echo", [], "")
	show(client, HTTPClient.METHOD_GET, "/echo?q=a%20b", [], "body with a GET")
	var own = ["host: example.com", "user-agent: corpus/1.0", "ACCEPT: text/plain", "X-Empty:"]
	show(client, HTTPClient.METHOD_PATCH, "/echo", own, "ünï")
	show(client, HTTPClient.METHOD_OPTIONS, "/echo", ["Content-Length: 2"], "ok")
	quit()
