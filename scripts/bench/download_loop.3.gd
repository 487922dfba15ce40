extends SceneTree
# The HTTPClient documentation's download loop, `rb = rb + chunk`, without the
# network: 5,000 chunks of 4 KiB from a local PoolByteArray.


func _init():
	var chunk = PoolByteArray()
	chunk.resize(4096)
	for i in range(4096):
		chunk[i] = i % 251
	var rb = PoolByteArray()
	for i in range(5000):
		rb = rb + chunk
	print("checksum: ", rb.size(), " ", rb[0], " ", rb[4095], " ", rb[rb.size() - 1])
	quit()
